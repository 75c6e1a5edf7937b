#include <catch2/catch.hpp>

#include <runload/import/sport_labels.hpp>

using namespace runload::import;
using runload::model::Sport;

TEST_CASE("sport labels: the words of every writer and language map to sports",
          "[import][sports]") {
  struct Case {
    const char* label;
    Sport sport;
  };
  const Case cases[] = {
      // GPX <type> words (Garmin's FIT-style keys, OpenTracks, Runkeeper)
      {"", Sport::run},
      {"running", Sport::run},
      {"Running", Sport::run},
      {"street_running", Sport::run},
      {"trail_running", Sport::trail_run},
      {"treadmill_running", Sport::treadmill_run},
      {"indoor_running", Sport::treadmill_run},
      {"virtual_run", Sport::virtual_run},
      {"VirtualRun", Sport::virtual_run},
      {"TrailRun", Sport::trail_run},
      {"walking", Sport::walk},
      {"casual_walking", Sport::walk},
      {"hiking", Sport::hike},
      {"mountaineering", Sport::hike},
      {"biking", Sport::ride},
      {"road_biking", Sport::ride},
      {"gravel_cycling", Sport::ride},
      {"e_bike_mountain", Sport::ride},
      {"lap_swimming", Sport::swim},
      {"open_water_swimming", Sport::swim},
      {"wheelchair_push_run", Sport::other},
      {"strength_training", Sport::other},
      {"indoor_rowing", Sport::other},
      {"multi_sport", Sport::other},
      // Strava's activity types, English and CamelCase
      {"Run", Sport::run},
      {"Trail Run", Sport::trail_run},
      {"Virtual Run", Sport::virtual_run},
      {"E-Bike Ride", Sport::ride},
      {"EBikeRide", Sport::ride},
      {"Mountain Bike Ride", Sport::ride},
      {"Handcycle", Sport::ride},
      {"Velomobile", Sport::ride},
      {"Alpine Ski", Sport::other},
      {"Nordic Ski", Sport::other},
      {"Virtual Row", Sport::other},
      {"Wheelchair", Sport::other},
      {"Yoga", Sport::other},
      {"Weight Training", Sport::other},
      // German
      {"Laufen", Sport::run},
      {"Lauf", Sport::run},
      {"Traillauf", Sport::trail_run},
      {"Trailrunning", Sport::trail_run},
      {"Berglauf", Sport::trail_run},
      {"Laufband", Sport::treadmill_run},
      {"Virtueller Lauf", Sport::virtual_run},
      {"Skilanglauf", Sport::other},
      {"Radfahrt", Sport::ride},
      {"Radfahren", Sport::ride},
      {"Gravelbike-Fahrt", Sport::ride},
      {"Schwimmen", Sport::swim},
      {"Wanderung", Sport::hike},
      {"Spaziergang", Sport::walk},
      {"Gehen", Sport::walk},
      // French
      {"Course à pied", Sport::run},
      {"Course sur tapis", Sport::treadmill_run},
      {"Course virtuelle", Sport::virtual_run},
      {"Trail", Sport::trail_run},
      {"Course sur sentier", Sport::trail_run},
      {"Course cycliste", Sport::ride},
      {"Vélo", Sport::ride},
      {"Cyclisme", Sport::ride},
      {"Natation", Sport::swim},
      {"Randonnée", Sport::hike},
      {"Marche", Sport::walk},
      {"Ski de fond", Sport::other},
      {"Musculation", Sport::other},
      // Spanish
      {"Carrera", Sport::run},
      {"Carrera en cinta", Sport::treadmill_run},
      {"Carrera por montaña", Sport::trail_run},
      {"Bicicleta", Sport::ride},
      {"Ciclismo", Sport::ride},
      {"Natación", Sport::swim},
      {"Senderismo", Sport::hike},
      {"Caminata", Sport::walk},
      {"Entrenamiento con pesas", Sport::other},
      // Italian
      {"Corsa", Sport::run},
      {"Corsa su strada", Sport::run},
      {"Corsa su tapis roulant", Sport::treadmill_run},
      {"Corsa virtuale", Sport::virtual_run},
      {"Giro in bici", Sport::ride},
      {"Nuoto", Sport::swim},
      {"Escursionismo", Sport::hike},
      {"Camminata", Sport::walk},
      {"Camminata veloce", Sport::walk},
      {"Sci di fondo", Sport::other},
      // Dutch
      {"Hardlopen", Sport::run},
      {"Hardloopsessie", Sport::run},
      {"Hardlopen op loopband", Sport::treadmill_run},
      {"Trailrun", Sport::trail_run},
      {"Fietsrit", Sport::ride},
      {"Wielrennen", Sport::ride},
      {"Zwemmen", Sport::swim},
      {"Wandeling", Sport::walk},
      {"Wandeltocht", Sport::hike},
      {"Langlaufen", Sport::other},
      // Portuguese
      {"Corrida", Sport::run},
      {"Corrida em esteira", Sport::treadmill_run},
      {"Corrida em trilha", Sport::trail_run},
      {"Pedalada", Sport::ride},
      {"Natação", Sport::swim},
      {"Caminhada", Sport::walk},
      {"Trilha", Sport::hike},
      {"Cardiovascular", Sport::other},
      // Hungarian
      {"Futás", Sport::run},
      {"Futópad", Sport::treadmill_run},
      {"Terepfutás", Sport::trail_run},
      {"Kerékpározás", Sport::ride},
      {"Úszás", Sport::swim},
      {"Túrázás", Sport::hike},
      {"Gyaloglás", Sport::walk},
      // nothing known
      {"Golf", Sport::other},
      {"Bikram Yoga", Sport::other},
  };
  for (const Case& c : cases) {
    INFO(c.label);
    CHECK(sport_from_label(c.label) == c.sport);
  }
}

TEST_CASE("sport labels: Strava's numeric GPX types", "[import][sports]") {
  CHECK(strava_gpx_type("9") == Sport::run);
  CHECK(strava_gpx_type("1") == Sport::ride);
  CHECK(strava_gpx_type("4") == Sport::hike);
  CHECK(strava_gpx_type("10") == Sport::walk);
  CHECK(strava_gpx_type("16") == Sport::swim);
  CHECK(strava_gpx_type("23") == Sport::other);
  CHECK(strava_gpx_type("53") == Sport::other);  // not confirmed by any source: not a run
  CHECK_FALSE(strava_gpx_type("running"));
  CHECK_FALSE(strava_gpx_type("9a"));
  CHECK_FALSE(strava_gpx_type(""));
}

TEST_CASE("sport labels: TCX Sport, schema words and others", "[import][sports]") {
  CHECK(tcx_sport("Running") == Sport::run);
  CHECK(tcx_sport("running") == Sport::run);
  CHECK(tcx_sport("Biking") == Sport::ride);
  CHECK(tcx_sport("Other") == Sport::other);
  CHECK(tcx_sport("Swimming") == Sport::swim);
  CHECK(tcx_sport("") == Sport::other);
}

TEST_CASE("sport labels: FIT sport and sub_sport", "[import][sports]") {
  CHECK(fit_sport(1, 0) == Sport::run);
  CHECK(fit_sport(1, std::nullopt) == Sport::run);
  CHECK(fit_sport(1, 1) == Sport::treadmill_run);
  CHECK(fit_sport(1, 45) == Sport::treadmill_run);
  CHECK(fit_sport(1, 3) == Sport::trail_run);
  CHECK(fit_sport(1, 4) == Sport::run);  // track
  CHECK(fit_sport(1, 58) == Sport::virtual_run);
  CHECK(fit_sport(4, 1) == Sport::treadmill_run);
  CHECK(fit_sport(4, 15) == Sport::other);  // elliptical
  CHECK(fit_sport(2, 58) == Sport::ride);
  CHECK(fit_sport(21, 0) == Sport::ride);
  CHECK(fit_sport(5, 17) == Sport::swim);
  CHECK(fit_sport(11, 0) == Sport::walk);
  CHECK(fit_sport(16, 0) == Sport::hike);
  CHECK(fit_sport(17, 0) == Sport::hike);
  CHECK(fit_sport(0, 0) == Sport::other);
  CHECK(fit_sport(66, 0) == Sport::other);  // wheelchair push run
  CHECK(fit_sport(std::nullopt, std::nullopt) == Sport::other);
}
