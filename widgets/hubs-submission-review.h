/* hubs-submission-review.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-submission.h"

G_BEGIN_DECLS

#define HUBS_TYPE_SUBMISSION_REVIEW (hubs_submission_review_get_type ())

G_DECLARE_FINAL_TYPE (HubsSubmissionReview, hubs_submission_review, HUBS, SUBMISSION_REVIEW,
                      AdwWindow)

GtkWidget *hubs_submission_review_new   (GtkWindow            *parent,
                                         HubsStore            *store,
                                         HubsSubmissionImport *import);
void       hubs_submission_review_apply (HubsSubmissionReview *self);

G_END_DECLS
