#!/usr/bin/env python3
"""Generate runload's demo history: 16 weeks of one runner (samples/README.md).

Writes, next to this script:
  strava_export/shoes.csv         the export's shoes (brand and model)
  strava_export/activities.csv    a Strava bulk-export activities.csv (99
                                  columns, English headers, "Activity Date" in
                                  UTC as Strava writes it)
  strava_export/activities/*.gpx  Strava-style GPX 1.1 tracks (5 s sampling,
                                  Garmin TrackPointExtension heart rate and
                                  cadence) for the runs that have one; the CSV
                                  row of the same run names the file
  journal.csv                     the morning Achilles journal and the tendon's
                                  own records: VISA-A every two weeks, heel-rise
                                  tests after the pop, the rehab log, two
                                  medication courses and an earlier Achilles
                                  episode (`runload journal import`)

Deterministic: the same script writes the same bytes (a fixed random seed, no
clock). Standard library only. Run: python3 samples/generate.py
"""

import csv
import io
import math
import os
import random
from datetime import date, datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
EXPORT = os.path.join(HERE, "strava_export")
FIRST_MONDAY = date(2026, 7, 27)  # 2026-W31; the last week is 2026-W46
EARTH_RADIUS_M = 6371008.8
STEP_S = 5  # track sampling
BERLIN_SUMMER = timedelta(hours=2)  # CEST until Sunday 2026-10-25, 03:00
BERLIN_WINTER = timedelta(hours=1)
DST_END_UTC = datetime(2026, 10, 25, 1, 0, tzinfo=timezone.utc)
HOME = (52.4912, 13.2451)  # Grunewald, Berlin
TEUFELSBERG = (52.4975, 13.2411)
SHOES = "Brooks Ghost 15"
RACE_SHOES = "Saucony Endorphin Speed 3"
LOW_DROP_SHOES = "Saucony Kinvara 14"
# shoes.csv: (Shoe Name, Shoe Brand, Shoe Model, Shoe Default Sport Types). The
# runs' "Activity Gear" names a shoe "<Brand> <Model>" when it has no nickname.
SHOE_ROWS = [
    ("", "Brooks", "Ghost 15", "Run"),
    ("", "Saucony", "Endorphin Speed 3", ""),
    ("", "Saucony", "Kinvara 14", ""),
]

# The 99 columns of a real Strava bulk export, in order (names repeat with
# other units: the first "Distance" is km, the second metres).
HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
    "Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,"
    "Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,"
    "Average Speed,Elevation Gain,Elevation Loss,Elevation Low,Elevation High,Max Grade,"
    "Average Grade,Average Positive Grade,Average Negative Grade,Max Cadence,Average Cadence,"
    "Max Heart Rate,Average Heart Rate,Max Watts,Average Watts,Calories,Max Temperature,"
    "Average Temperature,Relative Effort,Total Work,Number of Runs,Uphill Time,Downhill Time,"
    "Other Time,Perceived Exertion,Type,Start Time,Weighted Average Power,Power Count,"
    "Prefer Perceived Exertion,Perceived Relative Effort,Commute,Total Weight Lifted,"
    "From Upload,Grade Adjusted Distance,Weather Observation Time,Weather Condition,"
    "Weather Temperature,Apparent Temperature,Dewpoint,Humidity,Weather Pressure,Wind Speed,"
    "Wind Gust,Wind Bearing,Precipitation Intensity,Sunrise Time,Sunset Time,Moon Phase,Bike,"
    "Gear,Precipitation Probability,Precipitation Type,Cloud Cover,Weather Visibility,UV Index,"
    "Weather Ozone,Jump Count,Total Grit,Average Flow,Flagged,Average Elapsed Speed,"
    "Dirt Distance,Newly Explored Distance,Newly Explored Dirt Distance,Activity Count,"
    "Total Steps,Carbon Saved,Pool Length,Training Load,Intensity,Average Grade Adjusted Pace,"
    "Timer Time,Total Cycles,Recovery,With Pet,Competition,Long Run,For a Cause,Media"
)

# --- The story ------------------------------------------------------------------
# (week 0-15, weekday 0=Mon, local start, km, pace s/km, climb m, track, name, shoes)
# track: None (CSV row only), "easy", "finish" (easy, last 600 m at 5:00/km),
# "hills:N" (N repeats of 700 m up and down at about 6%), "tempo" (2 km easy,
# 5 km at 4:50/km, 3 km easy). Climb is used for rows without a track.
RUNS = [
    # W30, the lead-in: the export starts a week before the 16 reported weeks,
    # so that week 1 is compared with real running, not with nothing.
    (-1, 1, "18:40", 7.0, 360, 40, None, "", SHOES),
    (-1, 3, "07:05", 8.0, 358, 45, None, "", SHOES),
    (-1, 6, "08:30", 12.0, 372, 70, None, "Sunday long run", SHOES),
    # W31-W33: base, three runs a week, a recovery week in W33
    (0, 1, "18:40", 7.0, 362, 45, None, "", SHOES),
    (0, 3, "07:05", 8.0, 355, 0, "finish", "", SHOES),
    (0, 6, "08:30", 12.0, 375, 70, None, "Sunday long run", SHOES),
    (1, 1, "18:35", 7.0, 360, 40, None, "", SHOES),
    (1, 3, "07:10", 8.5, 356, 0, "finish", "", SHOES),
    (1, 6, "08:45", 12.5, 372, 75, None, "Sunday long run", SHOES),
    (2, 1, "18:50", 6.0, 365, 35, None, "", SHOES),
    (2, 3, "07:00", 7.0, 358, 0, "finish", "Easy week", SHOES),
    (2, 6, "09:00", 9.0, 370, 55, None, "", SHOES),
    # W34: the long-run spike (17 km after at most 12.5 km in 30 days), +45% week
    (3, 1, "18:45", 7.0, 360, 40, None, "", SHOES),
    (3, 3, "07:05", 8.0, 355, 0, "finish", "", SHOES),
    (3, 6, "07:30", 17.0, 380, 95, None, "Long run - first time over 15k!", SHOES),
    # W35: stiff morning after the spike, a calmer week
    (4, 1, "18:40", 6.0, 368, 35, None, "", SHOES),
    (4, 3, "07:05", 8.0, 358, 0, "finish", "", SHOES),
    (4, 5, "09:10", 10.0, 365, 55, None, "", SHOES),
    (4, 6, "09:00", 4.0, 380, 20, None, "Shakeout", SHOES),
    # W36-W37: the hill block (Teufelsberg repeats)
    (5, 1, "18:40", 7.0, 362, 45, None, "", SHOES),
    (5, 3, "07:00", 0.0, 0, 0, "hills:6", "Teufelsberg hill repeats x6", SHOES),
    (5, 6, "08:30", 14.0, 372, 100, None, "Sunday long run", SHOES),
    (6, 1, "18:30", 0.0, 0, 0, "hills:7", "Teufelsberg hill repeats x7", SHOES),
    (6, 3, "07:05", 8.0, 356, 0, "finish", "", SHOES),
    (6, 6, "08:30", 15.0, 374, 95, None, "Sunday long run", SHOES),
    # W38: steady, with the two weekday runs in a new pair with a 4 mm drop
    (7, 1, "18:45", 7.0, 360, 40, None, "New Kinvaras", LOW_DROP_SHOES),
    (7, 3, "07:05", 8.0, 355, 0, "finish", "", LOW_DROP_SHOES),
    (7, 6, "08:30", 15.5, 372, 90, None, "Sunday long run", SHOES),
    # W39: the first tempo session: 5 km at half-marathon pace
    (8, 1, "18:40", 6.0, 362, 35, None, "", SHOES),
    (8, 3, "18:15", 0.0, 0, 0, "tempo", "Tempo 5 km @ HM pace", RACE_SHOES),
    (8, 6, "08:30", 16.0, 374, 95, None, "Sunday long run", SHOES),
    # W40: the biggest week; busy at work from Wednesday
    (9, 2, "06:30", 7.0, 360, 40, None, "", SHOES),
    (9, 3, "06:35", 8.0, 355, 0, "finish", "", SHOES),
    (9, 5, "10:00", 7.5, 360, 45, None, "", SHOES),
    (9, 6, "08:30", 17.5, 376, 100, None, "Long run 17.5k", SHOES),
    # W41-W42: weekends only
    (10, 5, "10:15", 10.0, 362, 60, None, "", SHOES),
    (10, 6, "08:45", 16.0, 375, 95, None, "Sunday long run", SHOES),
    (11, 5, "10:00", 10.0, 360, 60, None, "", SHOES),
    (11, 6, "08:30", 17.0, 376, 100, None, "Sunday long run", SHOES),
    # W43-W44: a cold, no running
    # W45: back after 15 days, and straight back to 33 km
    (14, 1, "18:40", 5.0, 375, 25, "easy", "Easy back after the cold", SHOES),
    (14, 3, "07:10", 6.0, 368, 0, "easy", "", SHOES),
    (14, 5, "10:00", 8.0, 365, 45, None, "", SHOES),
    (14, 6, "08:45", 14.0, 374, 85, None, "Sunday long run", SHOES),
    # W46: stiff mornings, pain on Thursday, a sharp pain at the heel on Saturday
    (15, 1, "18:45", 7.0, 368, 0, "easy", "", SHOES),
    (15, 3, "07:05", 9.0, 370, 50, None, "", SHOES),
    (15, 5, "10:00", 4.2, 420, 20, None, "Stopped: sharp pain at the heel", SHOES),
]

# The weather at the start (Strava's "Weather Temperature", degrees C). November
# turns cold: the runs of W45 and W46 below 5 C raise cold_run. One run has no
# weather in the export; its GPX carries the watch's own sensor instead
# (gpxtpx:atemp), which reads high from body heat.
NOVEMBER_WEATHER = {
    (14, 1): 8.5, (14, 3): 5.5, (14, 5): 7.0, (14, 6): 3.0,
    (15, 1): None, (15, 3): 1.0, (15, 5): 6.5,
}
DEVICE_TEMPERATURE = {(15, 1): 4.0}


def weather_c(week, weekday, day, hhmm):
    """The weather at a start: summer to autumn in Berlin, cooler in the morning."""
    if (week, weekday) in NOVEMBER_WEATHER:
        return NOVEMBER_WEATHER[(week, weekday)]
    base = {7: 19.0, 8: 20.0, 9: 15.0, 10: 11.0}[day.month]
    morning = 3.0 if int(hhmm[:2]) < 10 else 0.0
    return base - morning + (day.day * 7 % 5) - 2.0


# Rides: stored, but not running load.
RIDES = [
    (10, 1, "07:45", 14.2, "Commute"),
    (10, 3, "07:50", 14.0, "Commute"),
    (11, 2, "07:40", 14.3, "Commute"),
]

# Journal: (week, weekday) -> (stiffness, minutes, pain_run, pain_after, swelling, pop, side, note)
# Every other morning of weeks 0-15 is generated calm (stiffness 0-2).
JOURNAL = {
    (4, 0): (4, 25, None, None, False, False, "right", "Stiff Achilles after Sunday's 17k"),
    (4, 1): (3, 15, 3, 2, False, False, "right", ""),
    (4, 2): (2, 10, None, None, False, False, "right", ""),
    (14, 0): (1, 5, None, None, False, False, "", ""),
    (14, 1): (1, 5, 1, 1, False, False, "", "First run in two weeks, felt slow"),
    (14, 2): (3, 15, None, None, False, False, "right", ""),
    (14, 3): (2, 10, 2, 2, False, False, "right", ""),
    (14, 4): (3, 15, None, None, False, False, "right", ""),
    (14, 5): (3, 15, 2, 3, False, False, "right", ""),
    (14, 6): (3, 20, 3, 3, False, False, "right", ""),
    (15, 0): (3, 20, None, None, False, False, "right", ""),
    (15, 1): (3, 20, 3, 3, False, False, "right", ""),
    (15, 2): (4, 25, None, None, False, False, "right", "Stairs hurt in the morning"),
    (15, 3): (3, 20, 6, 4, False, False, "right", "Pain from km 5, finished anyway"),
    (15, 4): (5, 30, None, None, True, False, "right", ""),
    (15, 5): (4, 30, 7, 6, True, True, "right",
              "Sudden sharp pain at the back of the heel, like a kick; stopped and walked home"),
    (15, 6): (5, 40, None, None, True, False, "right", ""),
}
# After the pop (W46 Saturday) the runner sees a physiotherapist on Monday of
# W47: not a rupture, a flare of the tendinopathy. The week after is rest and
# rehab; the mornings settle.
JOURNAL.update({
    (16, 0): (3, 20, None, None, False, False, "right",
              "Physio: not a rupture (calf squeeze test normal), a flare of the tendinopathy. "
              "No running for now; isometrics, then seated raises"),
    (16, 1): (2, 15, None, None, False, False, "right", ""),
    (16, 2): (2, 10, None, None, False, False, "right", ""),
    (16, 3): (2, 10, None, None, False, False, "right", ""),
    (16, 4): (2, 10, None, None, False, False, "right", ""),
    (16, 5): (1, 5, None, None, False, False, "right", ""),
    (16, 6): (1, 5, None, None, False, False, "right", ""),
})
ASSESSED = {(16, 0)}

# VISA-A every other Sunday (Robinson et al. 2001): Q1-Q7 and Q8 as
# "branch+score". Near recovery in the summer (a year after an earlier
# episode), a dip after the W34 spike, 72 after the return from the cold, and
# 47 a week after the pop.
VISA_A = {
    (0, 6): "10,9,9,10,9,9,10,A21",      # 87
    (2, 6): "10,10,9,10,9,10,10,A21",    # 89
    (4, 6): "8,8,9,9,8,9,10,B14",        # 75
    (6, 6): "9,9,9,10,9,9,10,A21",       # 86
    (8, 6): "10,9,10,10,9,10,10,A21",    # 89
    (10, 6): "10,10,10,10,9,10,10,A21",  # 90
    (12, 6): "10,10,10,10,10,10,4,A14",  # 78: the cold, little sport
    (14, 6): "8,8,9,9,8,9,7,B14",        # 72: back, stiff mornings
    (16, 6): "6,6,7,8,6,5,4,C5",         # 47
}

# Heel-rise tests after the pop: at the physiotherapist's, then at home.
HEEL_RISE = {(16, 0): (25, 18), (16, 4): (26, 20)}

# The rehab log: heavy slow resistance twice a week through the build (the
# maintenance programme of the earlier episode), none in the cold weeks and
# the return, then every day after the pop, starting light.
def rehab_rows():
    rows = []
    for week in range(12):
        for weekday in (0, 4):
            load = 20.0 + 2.5 * (week // 3)
            rows.append((week, weekday, "heavy-slow-resistance", 3, 12, load, 1 if week == 4 else 0))
    for weekday in range(7):
        rows.append((16, weekday, "isometric-hold", 5, 1, None, 3 if weekday == 0 else 2))
        if weekday >= 2:
            rows.append((16, weekday, "seated-calf-raise", 3, 15, 10.0, 2 if weekday < 5 else 1))
    return rows


# Medication: prednisolone for an asthma flare with the cold, then
# ciprofloxacin for the chest infection (both: the fluoroquinolone flag is HIGH).
MEDICATIONS = [
    ("2026-10-20", "prednisolone", "2026-10-24"),
    ("2026-10-21", "ciprofloxacin", "2026-10-27"),
]
# The earlier Achilles episode, more than a year before the last weeks: it
# counts (and tightens the spike bands) only in the first two weeks.
EPISODES = [("2025-06-02", "2025-08-02",
             "Right Achilles tendinopathy: 12 weeks of physio, heavy slow resistance")]

JOURNAL_HEADER = ("date,record,stiffness,stiffness_minutes,pain_run,pain_after,swelling,pop,side,"
                  "note,assessed,visa_a,heel_rise_left,heel_rise_right,exercise,sets,reps,load_kg,"
                  "exercise_pain,medication,until").split(",")


def journal_row(**cells):
    return [cells.get(name, "") for name in JOURNAL_HEADER]


# Mornings not logged (the cold weeks are logged every other day).
NOT_LOGGED = {(0, 4), (1, 2), (2, 5), (3, 0), (5, 4), (6, 2), (7, 5), (8, 0), (9, 4),
              (10, 2), (11, 3), (12, 1), (12, 3), (12, 5), (13, 1), (13, 3), (13, 5)}


# --- Tracks -----------------------------------------------------------------------

def segments_of(kind, km, pace):
    """(length m, pace s/km, grade) pieces of a tracked run."""
    if kind == "easy":
        return [(km * 1000, pace, 0.0)]
    if kind == "finish":
        return [(km * 1000 - 600, pace, 0.0), (600, 300, 0.0)]
    if kind == "tempo":
        return [(2000, 362, 0.0), (5000, 290, 0.0), (3000, 370, 0.0)]
    if kind.startswith("hills:"):
        repeats = int(kind.split(":")[1])
        pieces = [(2000, 365, 0.0)]
        for _ in range(repeats):
            pieces += [(700, 420, 0.062), (700, 345, -0.062)]
        return pieces + [(1000, 370, 0.0)]
    raise ValueError(kind)


def make_track(kind, km, pace, start_utc, rng, centre):
    """Points (lat, lon, ele, time, hr, cad) along a loop, one every STEP_S s."""
    lat, lon = centre[0] - 0.006, centre[1]
    ele = 52.0
    heading = rng.uniform(0, 2 * math.pi)
    t = start_utc
    points = []
    travelled = 0.0
    hr = 118.0
    for length, seg_pace, grade in segments_of(kind, km, pace):
        done = 0.0
        while done < length:
            speed = 1000.0 / seg_pace * rng.uniform(0.97, 1.03)
            step = min(speed * STEP_S, length - done)
            dt = step / speed
            rolling = 0.0 if grade else 6.0 * math.sin(2 * math.pi * travelled / 1300.0)
            target_hr = 128 + (1000.0 / seg_pace - 2.6) * 45 + (25 if grade > 0 else 0)
            hr += (target_hr - hr) * 0.08 + rng.uniform(-1.5, 1.5)
            points.append((lat, lon, ele + rolling, t, int(round(hr)),
                           int(round(84 + (1000.0 / seg_pace - 2.7) * 6 + rng.uniform(-1, 1)))))
            heading += step / 900.0 + rng.uniform(-0.05, 0.05)
            dlat = step * math.cos(heading) / EARTH_RADIUS_M
            dlon = step * math.sin(heading) / (EARTH_RADIUS_M * math.cos(math.radians(lat)))
            lat += math.degrees(dlat)
            lon += math.degrees(dlon)
            ele += grade * step
            travelled += step
            done += step
            t += timedelta(seconds=dt)
    # Whole seconds, as watches record; keep strictly increasing times.
    out = []
    last = None
    for p in points:
        ts = p[3].replace(microsecond=0)
        if last is not None and ts <= last:
            continue
        out.append((p[0], p[1], p[2], ts, p[4], p[5]))
        last = ts
    return out


def haversine(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp = p2 - p1
    dl = math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def climb(points):
    """Elevation gain with a 5 m hysteresis, as a watch would report it."""
    gain = 0.0
    ref = points[0][2]
    for p in points[1:]:
        if p[2] - ref >= 5.0:
            gain += p[2] - ref
            ref = p[2]
        elif ref - p[2] >= 5.0:
            ref = p[2]
    return gain


def gpx_text(name, points, atemp=None):
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(
        '<gpx creator="StravaGPX" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 '
        'http://www.topografix.com/GPX/1/1/gpx.xsd '
        'http://www.garmin.com/xmlschemas/GpxExtensions/v3 '
        'http://www.garmin.com/xmlschemas/GpxExtensionsv3.xsd '
        'http://www.garmin.com/xmlschemas/TrackPointExtension/v1 '
        'http://www.garmin.com/xmlschemas/TrackPointExtensionv1.xsd" version="1.1" '
        'xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" '
        'xmlns:gpxx="http://www.garmin.com/xmlschemas/GpxExtensions/v3">\n')
    out.write(" <metadata>\n  <time>%s</time>\n </metadata>\n" % iso_z(points[0][3]))
    out.write(" <trk>\n  <name>%s</name>\n  <type>running</type>\n  <trkseg>\n" % xml_escape(name))
    for lat, lon, ele, t, hr, cad in points:
        # A watch's own sensor (gpxtpx:atemp), when the run has one.
        temp = "      <gpxtpx:atemp>%.1f</gpxtpx:atemp>\n" % atemp if atemp is not None else ""
        out.write(
            '   <trkpt lat="%.7f" lon="%.7f">\n    <ele>%.1f</ele>\n    <time>%s</time>\n'
            "    <extensions>\n     <gpxtpx:TrackPointExtension>\n%s"
            "      <gpxtpx:hr>%d</gpxtpx:hr>\n      <gpxtpx:cad>%d</gpxtpx:cad>\n"
            "     </gpxtpx:TrackPointExtension>\n    </extensions>\n   </trkpt>\n"
            % (lat, lon, ele, iso_z(t), temp, hr, cad))
    out.write("  </trkseg>\n </trk>\n</gpx>\n")
    return out.getvalue()


def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def iso_z(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


# --- Rows -------------------------------------------------------------------------

def utc_start(day, hhmm):
    local = datetime(day.year, day.month, day.day, int(hhmm[:2]), int(hhmm[3:]))
    guess = local - BERLIN_SUMMER
    offset = BERLIN_SUMMER if guess.replace(tzinfo=timezone.utc) < DST_END_UTC else BERLIN_WINTER
    return (local - offset).replace(tzinfo=timezone.utc)


def strava_date(t):
    """'Oct 10, 2016, 8:55:48 PM', in UTC, as Strava's activities.csv writes it."""
    hour = t.hour % 12 or 12
    return "%s %d, %d, %d:%02d:%02d %s" % (t.strftime("%b"), t.day, t.year, hour, t.minute,
                                           t.second, "AM" if t.hour < 12 else "PM")


def default_name(hhmm, sport):
    hour = int(hhmm[:2])
    part = ("Morning" if hour < 12 else "Lunch" if hour < 14 else "Afternoon" if hour < 18
            else "Evening")
    return "%s %s" % (part, sport)


def csv_row(values):
    """A 99-column row from {(column name, occurrence): value}."""
    seen = {}
    row = []
    for name in HEADER.split(","):
        k = seen.get(name, 0)
        seen[name] = k + 1
        row.append(values.get((name, k), ""))
    return row


def temperature_cell(celsius):
    return "" if celsius is None else "%.1f" % celsius


def main():
    rng = random.Random(20261115)
    os.makedirs(os.path.join(EXPORT, "activities"), exist_ok=True)
    for old in os.listdir(os.path.join(EXPORT, "activities")):
        if old.endswith(".gpx"):
            os.remove(os.path.join(EXPORT, "activities", old))
    activity_id = 15287340211
    rows = []
    for week, weekday, hhmm, km, pace, gain, kind, name, shoes in RUNS:
        day = FIRST_MONDAY + timedelta(weeks=week, days=weekday)
        start = utc_start(day, hhmm)
        activity_id += rng.randint(90_000_000, 260_000_000)
        name = name or default_name(hhmm, "Run")
        filename = ""
        if kind:
            centre = TEUFELSBERG if kind.startswith("hills") else HOME
            points = make_track(kind, km, pace, start, rng, centre)
            distance = sum(haversine(points[i - 1], points[i]) for i in range(1, len(points)))
            elapsed = int((points[-1][3] - points[0][3]).total_seconds())
            moving = elapsed
            gain = climb(points)
            avg_hr = sum(p[4] for p in points) / len(points)
            max_hr = max(p[4] for p in points)
            filename = "activities/%d.gpx" % activity_id
            with open(os.path.join(EXPORT, filename), "w", encoding="utf-8", newline="\n") as f:
                f.write(gpx_text(name, points, DEVICE_TEMPERATURE.get((week, weekday))))
        else:
            distance = km * 1000 * rng.uniform(0.995, 1.005)
            moving = int(round(distance / 1000 * pace))
            elapsed = moving + rng.randint(20, 240)
            avg_hr = 138 + (360 - pace) * 0.4 + rng.uniform(-3, 3)
            max_hr = avg_hr + rng.randint(12, 22)
        rows.append((start, csv_row({
            ("Activity ID", 0): str(activity_id),
            ("Activity Date", 0): strava_date(start),
            ("Activity Name", 0): name,
            ("Activity Type", 0): "Run",
            ("Elapsed Time", 0): str(elapsed),
            ("Distance", 0): "%.2f" % (distance / 1000),
            ("Max Heart Rate", 0): "%.1f" % max_hr,
            ("Relative Effort", 0): str(int(elapsed / 60 * 0.9)),
            ("Commute", 0): "false",
            ("Activity Gear", 0): shoes,
            ("Filename", 0): filename,
            ("Athlete Weight", 0): "71.0",
            ("Elapsed Time", 1): "%.1f" % elapsed,
            ("Moving Time", 0): "%.1f" % moving,
            ("Distance", 1): "%.1f" % distance,
            ("Max Speed", 0): "%.1f" % (1000.0 / pace * 1.35 if pace else 4.5),
            ("Average Speed", 0): "%.3f" % (distance / moving),
            ("Elevation Gain", 0): "%.1f" % gain,
            ("Elevation Loss", 0): "%.1f" % gain,
            ("Max Cadence", 0): "92.0",
            ("Average Cadence", 0): "84.%d" % rng.randint(0, 9),
            ("Max Heart Rate", 1): "%.1f" % max_hr,
            ("Average Heart Rate", 0): "%.1f" % avg_hr,
            ("Calories", 0): "%.0f" % (distance / 1000 * 71),
            ("Relative Effort", 1): str(int(elapsed / 60 * 0.9)),
            ("Commute", 1): "0.0",
            ("From Upload", 0): "1.0",
            ("Weather Temperature", 0): temperature_cell(weather_c(week, weekday, day, hhmm)),
            ("Media", 0): "",
        })))
    for week, weekday, hhmm, km, name in RIDES:
        day = FIRST_MONDAY + timedelta(weeks=week, days=weekday)
        start = utc_start(day, hhmm)
        activity_id += rng.randint(90_000_000, 260_000_000)
        moving = int(km / 22.0 * 3600)
        rows.append((start, csv_row({
            ("Activity ID", 0): str(activity_id),
            ("Activity Date", 0): strava_date(start),
            ("Activity Name", 0): name,
            ("Activity Type", 0): "Ride",
            ("Elapsed Time", 0): str(moving + 95),
            ("Distance", 0): "%.2f" % km,
            ("Commute", 0): "true",
            ("Athlete Weight", 0): "71.0",
            ("Elapsed Time", 1): "%.1f" % (moving + 95),
            ("Moving Time", 0): "%.1f" % moving,
            ("Distance", 1): "%.1f" % (km * 1000),
            ("Elevation Gain", 0): "38.0",
            ("Commute", 1): "1.0",
            ("From Upload", 0): "1.0",
            ("Weather Temperature", 0): temperature_cell(weather_c(week, weekday, day, hhmm)),
        })))
    rows.sort(key=lambda r: r[0])
    with open(os.path.join(EXPORT, "activities.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER.split(","))
        for _, row in rows:
            w.writerow(row)

    with open(os.path.join(EXPORT, "shoes.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Shoe Name", "Shoe Brand", "Shoe Model", "Shoe Default Sport Types"])
        for row in SHOE_ROWS:
            w.writerow(row)

    with open(os.path.join(HERE, "journal.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(JOURNAL_HEADER)
        run_days = {(r[0], r[1]) for r in RUNS}
        for week in range(17):
            for weekday in range(7):
                day = FIRST_MONDAY + timedelta(weeks=week, days=weekday)
                key = (week, weekday)
                if key in JOURNAL:
                    s, mins, pr, pa, sw, pop, side, note = JOURNAL[key]
                elif key in NOT_LOGGED or week >= 16:
                    continue
                else:
                    s = rng.choice([0, 1, 1, 1, 1, 2])
                    mins = {0: 0, 1: 5, 2: 10}[s]
                    ran = key in run_days
                    pr = rng.choice([0, 0, 1, 1, 2]) if ran else None
                    pa = rng.choice([0, 1, 1, 2]) if ran else None
                    sw, pop, side, note = False, False, "right" if s >= 2 else "", ""
                    if week in (12, 13):
                        note = "Head cold, resting" if weekday == 0 and week == 12 else ""
                w.writerow(journal_row(
                    date=day.isoformat(), record="day", stiffness=s, stiffness_minutes=mins,
                    pain_run="" if pr is None else pr, pain_after="" if pa is None else pa,
                    swelling="yes" if sw else "no", pop="yes" if pop else "no", side=side,
                    note=note, assessed="yes" if key in ASSESSED else ""))

        def day_of(week, weekday):
            return (FIRST_MONDAY + timedelta(weeks=week, days=weekday)).isoformat()

        for (week, weekday), answers in sorted(VISA_A.items()):
            w.writerow(journal_row(date=day_of(week, weekday), record="visa_a", visa_a=answers))
        for (week, weekday), (left, right) in sorted(HEEL_RISE.items()):
            w.writerow(journal_row(date=day_of(week, weekday), record="heel_rise",
                                   heel_rise_left=left, heel_rise_right=right))
        for week, weekday, exercise, sets, reps, load, pain in rehab_rows():
            w.writerow(journal_row(date=day_of(week, weekday), record="rehab", exercise=exercise,
                                   sets=sets, reps=reps,
                                   load_kg="" if load is None else "%g" % load,
                                   exercise_pain=pain))
        for start, name, until in MEDICATIONS:
            w.writerow(journal_row(date=start, record="medication", medication=name, until=until))
        for start, until, note in EPISODES:
            w.writerow(journal_row(date=start, record="episode", until=until, note=note))


if __name__ == "__main__":
    main()
