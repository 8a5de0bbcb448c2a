// `clifwrap report`: a build's CLIFWRAP_LOG summarised. For a person: one row per compile (probes
// left out) with its unit class, the backend that compiled it, the fallback reason or what
// clifwrap did after rustc, and the time; one row per link; then totals: target units compiled by
// Cranelift, fallbacks by reason, time by backend. For a tool: the same as JSON (--json).
#pragma once

#include <string>
#include <vector>

#include "driver/log/log_reader.hpp"

namespace clifwrap {

std::string report_text(const std::vector<LoggedCall>& calls);
std::string report_json(const std::vector<LoggedCall>& calls);

}  // namespace clifwrap
