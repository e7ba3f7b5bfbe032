/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kompeten/kp-core.h"
#include "kompeten/kp-database.h"
#include "kompeten/kp-records.h"
#include "kompeten/kp-register.h"
#include "kompeten/kp-audit.h"
#include "kompeten/kp-competencies.h"
#include "kompeten/kp-standards.h"
#include "kompeten/kp-assessments.h"
#include "kompeten/kp-gaps.h"
#include "kompeten/kp-jpm-settings.h"
#include "kompeten/kp-feedback.h"
#include "kompeten/kp-idp.h"
#include "kompeten/kp-employee-import.h"
#include "kompeten/kp-formasi.h"
#include "kompeten/kp-applicants.h"
