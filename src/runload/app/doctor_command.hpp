#pragma once
// `runload doctor`: the health of the database, what is wrong in one line,
// the advice for recovering it, and the JSON.

#include <string>

#include <nlohmann/json.hpp>

#include <runload/app/session.hpp>
#include <runload/report/terminal.hpp>
#include <runload/store/doctor.hpp>

namespace runload::app {

// Opens the database (never creating it) and checks it. A runload file that
// cannot be opened or checked throws DatabaseError whose message ends with
// recovery_advice(); another application's file (store::ForeignDatabaseError)
// and a missing one throw without it.
store::DoctorReport check_database(Session& session);

// How to recover a damaged database at `path`, in runload's words: the
// newest whole backup next to it (store::usable_backups), if any, and
// SQLite's .recover.
std::string recovery_advice(const std::string& path);

// What to do about an unhealthy report: recovery_advice() for a damaged
// file; for a sound file holding activities a report cannot use, how to
// see and delete them.
std::string doctor_advice(const store::DoctorReport& report);

// What makes `report` unhealthy, in one line ("integrity check: ...; 2
// foreign-key violations").
std::string problem_summary(const store::DoctorReport& report);

// What `doctor` prints: where the database is, its schema and application
// id, the integrity and foreign-key checks, the row counts and the verdict.
std::string doctor_text(const store::DoctorReport& report, const report::Palette& palette);

// `doctor --json`.
nlohmann::ordered_json doctor_json(const store::DoctorReport& report);

}  // namespace runload::app
