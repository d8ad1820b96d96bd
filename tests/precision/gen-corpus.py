#!/usr/bin/env python3
"""gen-corpus.py: a generated corpus of news articles for figcheck's
precision test (tests/precision/run.sh).

Writes COUNT articles (default 2000) into OUT: newsroom prose on many
subjects (business, markets, politics, elections, football, tennis,
cricket, athletics, technology, film, music, books, science, health,
weather, transport, education, crime and courts, local news), thick with
figures of every kind, with traps (words figcheck's packs use as triggers,
in other senses), figures that are not quantities, casualty figures of
places and events no bundled source covers, and historical figures.

Every figure is right by construction: changes, shares and totals are
computed from the figures as written, and a part of the corpus (about
15%) makes claims about the subjects figcheck has data for (Gaza and
Israeli casualties, Russian losses in Ukraine, World Bank population,
Johns Hopkins Covid-19 totals), generated from the bundled data files
(--data, default the tree's examples/data) as in force on the article's
date. So no finding that calls a figure wrong (discrepancy, understated,
overstated, outdated) is right: each is a false alarm.

Most articles are Markdown with YAML front matter (date:), about 10% HTML
and 10% plain text (with a dateline). Deterministic: a fixed seed, the
same files every run. Standard library only.

    gen-corpus.py --out DIR [--count N] [--data DIR] [--seed N]
"""

import argparse
import bisect
import csv
import datetime
import html
import json
import math
import os
import random
import re
import sys
import textwrap

SEED = 20240611
D = datetime.date

# ----------------------------------------------------------------------
# Numbers as newsrooms write them


def rhu(x, dp=0):
    """Round half up (away from zero), to dp decimals."""
    q = 10 ** dp
    s = -1 if x < 0 else 1
    return s * math.floor(abs(x) * q + 0.5) / q


def clear_of_tie(x, dp=0, margin=0.08):
    """Whether x is not too close to a rounding boundary at dp decimals."""
    q = 10 ** dp
    frac = (abs(x) * q) % 1
    return abs(frac - 0.5) > margin


def commas(n):
    return f"{int(n):,}"


def fnum(x, dp):
    """A decimal figure with dp decimals, thousands grouped."""
    if dp == 0:
        return commas(rhu(x))
    return f"{rhu(x, dp):,.{dp}f}"


ONES = ("zero one two three four five six seven eight nine ten eleven "
        "twelve thirteen fourteen fifteen sixteen seventeen eighteen "
        "nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
ORD_WORDS = ("zeroth first second third fourth fifth sixth seventh eighth "
             "ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
             "sixteenth seventeenth eighteenth nineteenth twentieth").split()
MONTHS = ("January February March April May June July August September "
          "October November December").split()
MON3 = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
        "Sept.", "Oct.", "Nov.", "Dec."]
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def words(n):
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    return commas(n)


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def ordw(n):
    return ORD_WORDS[n] if n < len(ORD_WORDS) else ordinal(n)


def poss(name):
    """The possessive: Kenya's, the Philippines'."""
    return name + ("'" if name.endswith("s") else "'s")


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def _an(m):
    num = m.group(2)
    head = num.split(",")[0].split(".")[0]
    if num.startswith("8") or head in ("11", "18"):
        return ("An" if m.group(1) == "A" else "an") + " " + num
    return m.group(0)


def fix_articles(sentence):
    """'an 8-year-old', 'an 11,000-seat arena', 'an 80% stake'."""
    return re.sub(r"\b(a|A) (\d[\d,.]*)", _an, sentence)


def plural(n, one, many=None):
    return one if n == 1 else (many or one + "s")


def dmy(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def mdy(d):
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def dm(d):
    return f"{d.day} {MONTHS[d.month - 1]}"


def md(d):
    return f"{MONTHS[d.month - 1]} {d.day}"


# ----------------------------------------------------------------------
# Vocabularies (written for this corpus)

FIRST = """Anna Tomasz Priya Kwame Sofia Liam Mei Javier Oluwaseun Hannah
Mateo Aisha Lars Chloe Rohan Fatima Daniel Ines Kenji Grace Marek Nadia
Owen Leila Felix Zara Ibrahim Eva Callum Yuki Amara Bruno Elif Tobias
Rosa Dmitri Helena Samir Maeve Arjun Clara Emeka Ingrid Luca Noor Pablo
Signe Tariq Vera Wiremu Alice Ben Carmen Diego Esther Femi Greta Hugo
Isla Jonas Kofi Lena Marco Nia Oscar Paula Rui Sara Theo Ursula Victor
Wanjiru Ximena Yosef Zofia""".split()
LAST = """Okafor Lindqvist Moreau Castillo Brennan Nakamura Hughes Kowalski
Adeyemi Fischer Rossi Mensah Patel O'Neill Silva Haddad Novak Jansen
Ferreira Achterberg Duarte Kaur Mwangi Sato Whitfield Barros Eriksen
Laurent Delgado Quinn Abiodun Baptiste Carvalho Dubois Engström Fontaine
Gallagher Horvath Iyer Jablonski Keller Lombardi Marsh Nieminen Oyelaran
Petrov Quiroga Rahman Santos Takahashi Uddin Varga Walsh Yilmaz Zeller
Ashworth Bianchi Chaudhry Dunmore Ekwueme Fairbairn Grieve Hollis""".split()
CO_PRE = """Northwind Halvorsen Bramley Castellan Orrin Kestrel Meridian
Tallis Corvid Larchmont Aldgate Pemberton Vantor Sable Ionic Harrow
Quayside Blackmoor Elmstead Ruskin Arden Brightwater Copperleaf Dunmore
Everly Fenwick Greystone Hallam Islay Juniper Kingsway Lowther Marlow
Norland Oakhurst Pellow Redcastle Stanway Thornbury Upland Vale
Wrenfield Yarrow Zephyr""".split()
SECTORS = {
    "retail": ["Stores", "Retail", "Home", "Fashion", "Markets"],
    "food": ["Foods", "Brewing", "Dairies", "Bakeries", "Coffee"],
    "energy": ["Energy", "Power", "Renewables", "Oil", "Grid"],
    "tech": ["Software", "Systems", "Labs", "Networks", "Robotics", "AI"],
    "finance": ["Bank", "Capital", "Insurance", "Building Society"],
    "transport": ["Airways", "Rail", "Logistics", "Shipping", "Motors"],
    "industry": ["Steel", "Mining", "Chemicals", "Engineering", "Cement"],
    "health": ["Pharma", "Health", "Biotech", "Diagnostics"],
    "media": ["Media", "Studios", "Publishing", "Records"],
    "property": ["Homes", "Estates", "Property", "Builders"],
}
CITIES = """Leeds Bristol Lyon Porto Pune Austin Denver Graz Ghent Malmo Bergen
Cork Dundee Adelaide Hamilton Kumasi Mombasa Curitiba Rosario Valencia
Turin Krakow Brno Utrecht Tampere Osaka Busan Cebu Surabaya Nottingham
Swansea Plymouth Hull Norwich Exeter York Bath Derby Oxford Aarhus
Bilbao Bordeaux Leipzig Gdansk Cluj Debrecen Thessaloniki Seville Nantes
Salzburg Basel Lausanne Trondheim Galway Limerick Aberdeen Inverness
Cardiff Brighton Sheffield Leicester Coventry Sunderland Halifax Quebec
Calgary Winnipeg Tucson Boise Omaha Tulsa Richmond Savannah""".split()
TOWNS = """Ashby Barnsworth Caldmoor Dunhaven Eastleigh Fallowfield Glenridge
Harcombe Ivybridge Kettlewell Langholm Millbrook Newbold Oakley Penwick
Quarrington Rushden Stowmarket Thornley Upwey Wareham Yelverton""".split()
CLUB_SUF = ["United", "City", "Rovers", "Athletic", "Wanderers", "Albion",
            "Town", "FC", "County", "Rangers"]
STADIUM_SUF = ["Park", "Road", "Lane", "Stadium", "Ground", "Arena"]

# Countries with a World Bank series (ISO3 for the data articles), as
# the gazetteer names them.
COUNTRIES = [
    ("Kenya", "KEN", "Kenyan"), ("Nigeria", "NGA", "Nigerian"),
    ("Ghana", "GHA", "Ghanaian"), ("Brazil", "BRA", "Brazilian"),
    ("Argentina", "ARG", "Argentine"), ("Chile", "CHL", "Chilean"),
    ("Peru", "PER", "Peruvian"), ("Mexico", "MEX", "Mexican"),
    ("Canada", "CAN", "Canadian"), ("France", "FRA", "French"),
    ("Germany", "DEU", "German"), ("Italy", "ITA", "Italian"),
    ("Spain", "ESP", "Spanish"), ("Portugal", "PRT", "Portuguese"),
    ("Poland", "POL", "Polish"), ("Sweden", "SWE", "Swedish"),
    ("Norway", "NOR", "Norwegian"), ("Finland", "FIN", "Finnish"),
    ("Japan", "JPN", "Japanese"), ("India", "IND", "Indian"),
    ("Indonesia", "IDN", "Indonesian"), ("Vietnam", "VNM", "Vietnamese"),
    ("the Philippines", "PHL", "Philippine"),
    ("Australia", "AUS", "Australian"), ("New Zealand", "NZL", None),
    ("South Africa", "ZAF", "South African"), ("Egypt", "EGY", "Egyptian"),
    ("Morocco", "MAR", "Moroccan"), ("Turkey", "TUR", "Turkish"),
    ("Bangladesh", "BGD", "Bangladeshi"), ("Pakistan", "PAK", "Pakistani"),
    ("Ethiopia", "ETH", "Ethiopian"), ("Tanzania", "TZA", "Tanzanian"),
    ("Uganda", "UGA", "Ugandan"), ("Colombia", "COL", "Colombian"),
    ("Ireland", "IRL", "Irish"), ("the Netherlands", "NLD", "Dutch"),
    ("Belgium", "BEL", "Belgian"), ("Greece", "GRC", "Greek"),
    ("Hungary", "HUN", "Hungarian"), ("Romania", "ROU", "Romanian"),
    ("the Czech Republic", "CZE", "Czech"), ("Thailand", "THA", "Thai"),
    ("Malaysia", "MYS", "Malaysian"), ("South Korea", "KOR", "South Korean"),
    ("Britain", "GBR", "British"), ("the United States", "USA", "American"),
    ("China", "CHN", "Chinese"),
]
# Capitals with rough populations of the city and its metropolitan area,
# in millions (round figures of the kind copy gives with "about").
CAPITALS = {
    "KEN": ("Nairobi", 4.4, 5.3), "NGA": ("Abuja", 1.2, 3.8),
    "GHA": ("Accra", 2.5, 5.4), "BRA": ("Brasilia", 2.8, 4.8),
    "ARG": ("Buenos Aires", 3.1, 15.5), "CHL": ("Santiago", 6.3, 7.1),
    "PER": ("Lima", 9.9, 10.9), "MEX": ("Mexico City", 9.2, 21.8),
    "CAN": ("Ottawa", 1.0, 1.5), "FRA": ("Paris", 2.1, 12.3),
    "DEU": ("Berlin", 3.7, 4.7), "ITA": ("Rome", 2.8, 4.3),
    "ESP": ("Madrid", 3.3, 6.8), "PRT": ("Lisbon", 0.55, 2.9),
    "POL": ("Warsaw", 1.8, 3.1), "SWE": ("Stockholm", 0.98, 2.4),
    "NOR": ("Oslo", 0.7, 1.1), "FIN": ("Helsinki", 0.66, 1.5),
    "JPN": ("Tokyo", 14.0, 37.0), "IND": ("New Delhi", 0.25, 32.0),
    "IDN": ("Jakarta", 10.6, 34.0), "VNM": ("Hanoi", 8.4, 8.4),
    "PHL": ("Manila", 1.8, 14.0), "AUS": ("Canberra", 0.46, 0.46),
    "NZL": ("Wellington", 0.21, 0.42), "ZAF": ("Pretoria", 0.74, 2.9),
    "EGY": ("Cairo", 10.0, 21.0), "MAR": ("Rabat", 0.58, 1.9),
    "TUR": ("Ankara", 5.8, 5.8), "BGD": ("Dhaka", 10.3, 23.0),
    "PAK": ("Islamabad", 1.2, 2.3), "ETH": ("Addis Ababa", 5.4, 5.4),
    "TZA": ("Dodoma", 0.77, 0.77), "UGA": ("Kampala", 1.7, 3.8),
    "COL": ("Bogota", 7.9, 11.0), "IRL": ("Dublin", 0.59, 1.5),
    "NLD": ("Amsterdam", 0.93, 2.5), "BEL": ("Brussels", 1.2, 2.1),
    "GRC": ("Athens", 0.64, 3.6), "HUN": ("Budapest", 1.7, 3.0),
    "ROU": ("Bucharest", 1.7, 2.3), "CZE": ("Prague", 1.4, 2.7),
    "THA": ("Bangkok", 10.9, 17.0), "MYS": ("Kuala Lumpur", 2.0, 8.6),
    "KOR": ("Seoul", 9.4, 26.0), "GBR": ("London", 8.9, 14.8),
    "USA": ("Washington", 0.68, 6.3), "CHN": ("Beijing", 21.9, 21.9),
}
# Wildlife counts copy gives by country, roughly.
WILDLIFE = {
    "KEN": ("elephant", 36000), "TZA": ("elephant", 60000),
    "UGA": ("elephant", 7500), "ZAF": ("rhino", 16000),
    "IND": ("tiger", 3700), "CHN": ("giant panda", 1860),
    "IDN": ("orangutan", 100000), "MYS": ("orangutan", 11000),
    "POL": ("wolf", 3000), "DEU": ("wolf", 1300), "ITA": ("wolf", 3300),
    "ESP": ("wolf", 2500), "SWE": ("wolf", 375), "NOR": ("wolf", 100),
    "FIN": ("wolf", 300), "FRA": ("wolf", 1100), "ROU": ("brown bear", 7500),
    "CAN": ("polar bear", 16000), "USA": ("grey wolf", 6000),
    "AUS": ("koala", 330000), "BRA": ("jaguar", 10000),
    "ETH": ("Ethiopian wolf", 500), "GBR": ("hedgehog", 880000),
}

# Places no bundled source covers, for accidents and disasters.
FAR_PLACES = ["Peru", "Bolivia", "Nepal", "the Philippines", "Bangladesh",
              "Guatemala", "Madagascar", "Papua New Guinea", "Haiti",
              "Mozambique", "Sri Lanka", "Ecuador", "Honduras", "Malawi",
              "Laos", "Tajikistan", "Algeria", "Vietnam", "Zambia", "Chile"]
CURRENCIES = ["USD", "GBP", "EUR", "EUR", "USD", "USD", "GBP", "JPY", "INR",
              "AUD", "CHF"]
CUR_SYM = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "INR": "Rs ",
           "AUD": "A$", "CHF": "CHF "}
CUR_WORD = {"USD": "dollars", "GBP": "pounds", "EUR": "euros", "JPY": "yen",
            "INR": "rupees", "AUD": "Australian dollars", "CHF": "Swiss francs"}


# ----------------------------------------------------------------------
# Reference data, read at generation time


def series_at(series, when):
    """The record in force on `when`: the latest (date, value) on or
    before it, or None."""
    dates = series[0]
    i = bisect.bisect_right(dates, when)
    if i == 0:
        return None
    return dates[i - 1], series[1][i - 1]


def make_series(pairs):
    pairs.sort()
    out = {}
    for d, v in pairs:
        out[d] = v  # the later wins
    ds = sorted(out)
    return (ds, [out[d] for d in ds])


class Data:
    def __init__(self, folder):
        self.ok = False
        self.folder = folder
        try:
            self._load(folder)
            self.ok = True
        except (OSError, ValueError, KeyError) as e:
            print(f"gen-corpus.py: no reference data from {folder}: {e}; "
                  "writing no articles on the bundled subjects",
                  file=sys.stderr)

    def _load(self, f):
        p = os.path.join
        # Gaza: the json source maps these fields, each present or not.
        gaza = json.load(open(p(f, "gaza-casualties-2023.json")))
        fields = {"killed": "killed_cum", "injured": "injured_cum",
                  "children": "killed_children_cum",
                  "women": "killed_women_cum", "medical": "med_killed_cum",
                  "press": "press_killed_cum"}
        self.gaza = {}
        for k, fld in fields.items():
            pairs = [(D.fromisoformat(r["report_date"]), r[fld])
                     for r in gaza if isinstance(r.get(fld), (int, float))]
            self.gaza[k] = make_series(pairs)
        self.gaza_days = set(D.fromisoformat(r["report_date"]) for r in gaza)
        isr = json.load(open(p(f, "israel-casualties-2023.json")))
        self.israel = sorted((D.fromisoformat(r["date"]), r["killed"],
                              r.get("qualifier")) for r in isr)
        pers = json.load(open(p(f, "russia-losses-personnel.json")))
        self.rus = {"personnel": make_series(
            [(D.fromisoformat(r["date"]), r["personnel"]) for r in pers])}
        eq = json.load(open(p(f, "russia-losses-equipment.json")))
        eqf = {"tanks": ["tank"], "apc": ["APC"],
               "artillery": ["field artillery"], "mlrs": ["MRL"],
               "air_defence": ["anti-aircraft warfare"],
               "aircraft": ["aircraft"], "helicopters": ["helicopter"],
               "drones": ["drone"], "ships": ["naval ship"],
               "vehicles": ["vehicles and fuel tanks"],
               "cruise_missiles": ["cruise missiles"]}
        for k, flds in eqf.items():
            pairs = []
            for r in eq:
                v = None
                for fl in flds:
                    if isinstance(r.get(fl), (int, float)):
                        v = r[fl]
                        break
                if v is None and k == "vehicles" and \
                        "military auto" in r and "fuel tank" in r:
                    v = r["military auto"] + r["fuel tank"]
                if v is not None:
                    pairs.append((D.fromisoformat(r["date"]), v))
            self.rus[k] = make_series(pairs)
        self.pop = {}
        with open(p(f, "world-population.csv"), newline="") as fh:
            for row in csv.DictReader(fh):
                code = row["Country Code"]
                try:
                    self.pop.setdefault(code, {})[int(row["Year"])] = \
                        int(float(row["Value"]))
                except ValueError:
                    pass
        cases, deaths = [], []
        with open(p(f, "covid19-worldwide.csv"), newline="") as fh:
            for row in csv.DictReader(fh):
                d = D.fromisoformat(row["Date"])
                cases.append((d, int(row["Confirmed"])))
                deaths.append((d, int(row["Deaths"])))
        self.covid = {"cases": make_series(cases),
                      "deaths": make_series(deaths)}

    def pop_in_force(self, iso, when):
        """(year, value) of the population figure in force on `when`:
        a year's figure comes into force at the year's end."""
        years = self.pop.get(iso, {})
        y = when.year if (when.month, when.day) == (12, 31) else when.year - 1
        while y >= 1960 and y not in years:
            y -= 1
        if y < 1960:
            return None
        return y, years[y]

    def israel_at(self, when):
        rec = None
        for d, v, q in self.israel:
            if d <= when:
                rec = (d, v, q)
        return rec


# ----------------------------------------------------------------------
# Claims about a true value, in words a careful editor would sign off


def sig_floor(v, digits):
    """v rounded down to `digits` significant digits."""
    if v <= 0:
        return 0
    e = int(math.floor(math.log10(v))) - digits + 1
    q = 10 ** max(e, 0)
    return (v // q) * q


def sig_ceil(v, digits):
    if v <= 0:
        return 0
    e = int(math.floor(math.log10(v))) - digits + 1
    q = 10 ** max(e, 0)
    return -((-v) // q) * q


def sig_round(v, digits):
    if v <= 0:
        return 0
    e = int(math.floor(math.log10(v))) - digits + 1
    q = 10 ** max(e, 0)
    return int(rhu(v / q)) * q


class Claim:
    """Ways to write the true count v: each returns the text with its
    qualifier, always true of v within figcheck's documented readings
    ("more than X": above X and not 25% above; "nearly X": below X and
    within 10%; "about X": within 2%)."""

    def __init__(self, g, v):
        self.g = g
        self.v = v

    def exact(self):
        return commas(self.v)

    def more_than(self):
        v = self.v
        for digits in (2, 3, 4):
            x = sig_floor(v, digits)
            if x < v and x >= 0.9 * v:
                break
        else:
            return None
        if x >= v:
            return None
        word = self.g.ch(["more than", "over", "more than", "upwards of",
                          "in excess of"])
        return f"{word} {self.sc(x)}"

    def at_least(self):
        x = sig_floor(self.v, 3)
        if x < 0.9 * self.v:
            return None
        return f"{self.g.ch(['at least', 'at least', 'no fewer than'])} {self.sc(x)}"

    def nearly(self):
        v = self.v
        for digits in (2, 3, 4):
            x = sig_ceil(v, digits)
            if x > v and v >= 0.92 * x:
                return f"{self.g.ch(['nearly', 'almost', 'close to', 'just under'])} {self.sc(x)}"
        return None

    def about(self):
        v = self.v
        for digits in (2, 3, 4):
            x = sig_round(v, digits)
            if abs(x - v) <= 0.012 * x:
                return f"{self.g.ch(['about', 'around', 'some', 'roughly', 'an estimated', 'approximately'])} {self.sc(x)}"
        return None

    def up_to(self):
        v = self.v
        for digits in (2, 3):
            x = sig_ceil(v, digits)
            if x >= v and v >= 0.9 * x:
                return f"{self.g.ch(['up to', 'as many as', 'at most'])} {self.sc(x)}"
        return None

    def less_than(self):
        v = self.v
        for digits in (2, 3):
            x = sig_ceil(v, digits)
            if x > v and v >= 0.9 * x:
                return f"{self.g.ch(['fewer than', 'less than', 'under'])} {self.sc(x)}"
        return None

    def sc(self, x):
        """x written with a scale word when it is a round million."""
        if x >= 1_000_000 and x % 10_000 == 0 and self.g.chance(0.8):
            m = x / 1_000_000
            if m >= 1000 and x % 10_000_000 == 0:
                b = m / 1000
                return f"{b:g} billion"
            return f"{m:g} million"
        return commas(x)

    def scaled(self):
        """v in millions with decimals, rounded to the written digit."""
        v = self.v
        if v < 1_000_000:
            return commas(v)
        if v >= 1_000_000_000:
            dp = self.g.ch([2, 2, 3])
            x = v / 1e9
            return f"{rhu(x, dp):.{dp}f} billion"
        dp = self.g.ch([1, 2, 2]) if v >= 10_000_000 else self.g.ch([2, 3])
        x = v / 1e6
        return f"{rhu(x, dp):.{dp}f} million"

    def any(self, weights=None):
        kinds = weights or ["exact", "exact", "more_than", "nearly", "about",
                            "at_least", "scaled", "up_to", "less_than"]
        for _ in range(8):
            k = self.g.ch(kinds)
            t = getattr(self, k)()
            if t:
                return t
        return self.exact()


# ----------------------------------------------------------------------
# The generator of one article


class Gen:
    def __init__(self, rng, date, data):
        self.rng = rng
        self.date = date
        self.data = data
        self.ctx = {}

    # random helpers
    def ch(self, seq):
        return self.rng.choice(seq)

    def ri(self, a, b):
        return self.rng.randint(a, b)

    def rf(self, a, b):
        return self.rng.uniform(a, b)

    def chance(self, p):
        return self.rng.random() < p

    def sample(self, seq, k):
        return self.rng.sample(seq, k)

    def once(self, key, fn):
        if key not in self.ctx:
            self.ctx[key] = fn()
        return self.ctx[key]

    # names
    def person(self, key=None):
        mk = lambda: f"{self.ch(FIRST)} {self.ch(LAST)}"
        return self.once(key, mk) if key else mk()

    def surname(self, key):
        return self.person(key).split(" ", 1)[1]

    def company(self, sector=None, key="company"):
        def mk():
            s = sector or self.ch(list(SECTORS))
            return f"{self.ch(CO_PRE)} {self.ch(SECTORS[s])}"
        return self.once(key, mk)

    def city(self, key="city"):
        return self.once(key, lambda: self.ch(CITIES))

    def town(self, key="town"):
        return self.once(key, lambda: self.ch(TOWNS))

    def country(self, key="country"):
        return self.once(key, lambda: self.ch(COUNTRIES))

    def team(self, key="team"):
        return self.once(key, lambda: f"{self.ch(CITIES)} {self.ch(CLUB_SUF)}")

    def year_before(self, lo=1, hi=10):
        return self.date.year - self.ri(lo, hi)

    # figures
    def cnt(self, n, words_below=10):
        """A count as copy writes it: words below ten (mostly)."""
        if 0 < n < words_below and self.chance(0.75):
            return words(n)
        return commas(n)

    def pct(self, x, dp=0, style=None):
        s = style or self.ch(["%", "%", "%", "%", " per cent", " percent"])
        return f"{fnum(x, dp)}{s}"

    def pts(self, x, dp=0):
        s = self.ch([" percentage points", " percentage points", " points",
                     " points", "pp"])
        if rhu(x, dp) == 1 and s.endswith("s") and dp == 0:
            s = s[:-1]
        return f"{fnum(x, dp)}{s}"

    def money(self, v, cur=None):
        """(text, value as written) of an amount of money."""
        cur = cur or self.ch(CURRENCIES)
        sym = CUR_SYM[cur]
        word = CUR_WORD[cur]
        if cur == "INR" and v >= 1e7 and self.chance(0.7):
            x = rhu(v / 1e7, self.ch([0, 1]))
            return f"Rs {x:g} crore", x * 1e7
        if cur == "INR" and 1e5 <= v < 1e7 and self.chance(0.7):
            x = rhu(v / 1e5, 0)
            return f"Rs {x:g} lakh", x * 1e5
        if v >= 1e9:
            dp = self.ch([0, 1, 1, 2]) if v < 1e11 else 0
            x = rhu(v / 1e9, dp)
            if v >= 1e12 and self.chance(0.6):
                t = rhu(v / 1e12, 1)
                return f"{sym}{t:g} trillion", t * 1e12
            form = self.ch(["bn", " billion", " billion", "W"])
            if form == "W" and cur in ("USD", "EUR", "GBP"):
                return f"{x:g} billion {word}", x * 1e9
            if form == "W":
                form = "bn"
            return f"{sym}{x:g}{form}", x * 1e9
        if v >= 1e6:
            dp = self.ch([0, 1, 1]) if v < 1e8 else 0
            x = rhu(v / 1e6, dp)
            form = self.ch(["m", " million", " million", "W"])
            if form == "W" and cur in ("USD", "EUR", "GBP"):
                return f"{x:g} million {word}", x * 1e6
            if form == "W":
                form = "m"
            return f"{sym}{x:g}{form}", x * 1e6
        if v >= 1000:
            x = int(sig_round(int(v), 3))
            return f"{sym}{commas(x)}", x
        if v >= 20:
            x = int(rhu(v))
            return f"{sym}{x}", x
        x = rhu(v, 2)
        return f"{sym}{x:.2f}", x

    def m(self, v, cur=None):
        return self.money(v, cur)[0]

    def money_exact(self, v, cur):
        """An amount written exactly (a difference of two amounts as
        written), in the scale its size calls for."""
        sym = CUR_SYM[cur]
        for scale, suf in ((1e12, " trillion"), (1e9, "bn"), (1e6, "m")):
            if v >= scale:
                x = v / scale
                for dp in range(0, 4):
                    if abs(rhu(x, dp) - x) < 1e-9 * max(1.0, x):
                        return f"{sym}{rhu(x, dp):.{dp}f}{suf}"
                return f"{sym}{rhu(x, 3):.3f}{suf}"
        if v >= 20 and abs(v - round(v)) < 1e-9:
            return f"{sym}{commas(round(v))}"
        return f"{sym}{v:,.2f}"

    def temp(self, c):
        if self.chance(0.5):
            return f"{c}C"
        f = int(rhu(c * 9 / 5 + 32))
        return self.ch([f"{c}C ({f}F)", f"{c} degrees Celsius", f"{c}°C"])

    def says(self, who=None):
        who = who or self.person()
        return self.ch([f"{who} said", f"said {who}", f"according to {who}",
                        f"{who} told reporters", f"{who} said in a statement"])


# ----------------------------------------------------------------------
# Computed figure phrases: changes, shares, parts


UP = ["rose", "climbed", "increased", "grew", "jumped", "edged up"]
DOWN = ["fell", "dropped", "declined", "slipped", "slid", "eased"]


def change_phrase(g, old, new, fmt, diff_fmt=None, pct_dp=None,
                  period=None, allow_pct=True):
    """A clause (starting with a verb) saying old became new, with the
    difference or the percentage change computed from the figures as
    written. fmt formats a value; diff_fmt a difference (default fmt)."""
    diff_fmt = diff_fmt or fmt
    d = new - old
    up = d > 0
    verb = g.ch(UP if up else DOWN)
    p = abs(d) / abs(old) * 100 if old else None
    if pct_dp is None:
        pct_dp = 0 if (p is None or p >= 10) else 1
    pok = allow_pct and p is not None and clear_of_tie(p, pct_dp)
    O, N, DD = fmt(old), fmt(new), diff_fmt(abs(d))
    P = g.pct(p, pct_dp) if pok else None
    per = f" {period}" if period else ""
    inc = g.ch(["an increase of", "a rise of", "up"]) if up else \
        g.ch(["a fall of", "a drop of", "down", "a decline of"])
    updown = "up" if up else "down"
    forms = [
        f"{verb} from {O} to {N}{per}",
        f"{verb} to {N} from {O}{per}",
        f"{verb} from {O} to {N}{per}, {inc} {DD}",
        f"{verb} to {N}{per}, {updown} {DD} from {O}",
        f"{verb} by {DD} to {N}{per}",
    ]
    if P:
        forms += [
            f"{verb} from {O} to {N}{per}, {updown} {P}",
            f"{verb} {P} to {N}{per}, from {O}",
            f"{verb} from {O} to {N}{per}, {inc} {DD} ({P})",
            f"{verb} {P}{per} to {N}",
        ]
    return g.ch(forms)


def share_clause(g, part, whole, pct_dp=0):
    """(percentage text, value) of part/whole, or None at a tie."""
    p = part / whole * 100
    if not clear_of_tie(p, pct_dp):
        return None
    return g.pct(p, pct_dp, style=g.ch(["%", "%", " per cent", " percent"]))


def one_in(part, whole):
    """'one in five' when part/whole is that close to 1/k."""
    r = part / whole
    if r <= 0:
        return None
    k = round(1 / r)
    if 2 <= k <= 12 and abs(r - 1 / k) < 0.004:
        return f"one in {words(k)}"
    return None


# ----------------------------------------------------------------------
# Shared pools: traps, figures that are not quantities, casualties of
# places and events no source covers, historical figures.


def trap_sentences(g):
    co = g.company()
    co2 = g.company(key="company2")
    city = g.city()
    country = g.country()[0]
    n = g.ri(2, 9)
    cur = g.once("cur", lambda: g.ch(["USD", "GBP", "EUR", "EUR", "GBP", "USD", "JPY", "INR"]))
    return [
        f"Rising interest rates all but killed the deal, which would have valued {co2} at {g.m(g.rf(2e8, 9e9), cur)}.",
        f"Analysts have been predicting the death of the high street for a decade, yet {city} still has {g.ri(120, 400)} independent shops.",
        f"The restaurant sold {g.ri(40, 300)} cases of wine in the week before Christmas, {g.says()}.",
        f"The firm is fighting {g.cnt(g.ri(3, 14))} court cases over unpaid invoices worth {g.m(g.rf(2e5, 9e6), cur)}.",
        f"{co} reported losses of {g.m(g.rf(1e6, 5e8), cur)} for the year, against a profit of {g.m(g.rf(1e6, 5e8), cur)} a year earlier.",
        f"{g.team('t_trap')} lost {g.ri(1, 4)}-0 at home, their {ordw(g.ri(2, 6))} defeat in a row.",
        f"The depot stores {g.ri(12, 80)} tanks of fuel for the council's bin lorries.",
        f"The population of fans following the club abroad has grown to about {commas(g.ri(2, 40) * 1000)}, the supporters' trust says.",
        f"Residents voted {commas(g.ri(1200, 2400))} to {commas(g.ri(300, 1199))} against the new car park.",
        f"Drivers on the toll road pay {g.m(g.rf(2, 12), 'GBP')} each way, and {commas(g.ri(20, 60) * 1000)} use it every day.",
        f"The band's greatest hits album has sold {g.ri(2, 9)} million copies since {g.year_before(8, 30)}.",
        f"The virus infected {commas(g.ri(200, 9000))} files on the council's servers before it was found.",
        f"Councillors shot down the proposal by {words(g.ri(20, 30))} votes to {words(g.ri(5, 19))}.",
        f"{city} won the vote by a country mile, with {g.ri(60, 80)}% of the {commas(g.ri(200, 900))} delegates behind it.",
        f"The reserve, home to {g.ri(30, 90)} species of birds, covers {commas(g.ri(1200, 9000))} hectares.",
        f"The striker killed off the game with a {ordinal(g.ri(70, 90))}-minute penalty, his {ordw(g.ri(8, 19))} goal of the season.",
        f"The series killed off its main character in episode {g.ri(3, 9)}, and {g.ri(2, 9)}.{g.ri(1, 9)} million viewers tuned in.",
        f"The hedge fund has lost {g.ri(5, 40)}% of its value since {MONTHS[g.ri(0, 11)]}.",
        f"Ministers are trying to kill off a tax that raises {g.m(g.rf(1e8, 4e9), 'GBP')} a year.",
        f"The singer has had {words(g.ri(3, 12))} No. 1 hits, the first in {g.year_before(10, 30)}.",
        f"The company lost {commas(g.ri(20, 900))} customers in the quarter but added {commas(g.ri(1000, 9000))}.",
        f"The old cinema died a slow death: by {g.year_before(2, 12)} it sold {g.ri(20, 90)} tickets a night.",
        f"{n} {plural(n, 'case')} of fraud against the firm's directors will be heard in {city}.",
        f"The bank cut {commas(g.ri(200, 3000))} jobs and took a {g.m(g.rf(1e8, 2e9), cur)} hit from bad loans.",
        f"Shoppers lost an estimated {g.m(g.rf(1e6, 9e7), 'GBP')} to online scams last year, {g.says('Action Fraud')}.",
        f"The blaze destroyed {g.ri(3, 12)} homes, including a {g.ri(150, 500)}-year-old farmhouse.",
        f"The club's {commas(g.ri(20, 60) * 1000)} season-ticket holders include a {g.ri(90, 104)}-year-old who has not missed a home game since {g.year_before(40, 70)}.",
        f"Its wealth fund, worth {g.m(g.rf(1e11, 1.4e12), 'USD')}, lost {g.ri(2, 9)}% in the quarter.",
        f"Of the {g.ri(12, 30)} candidates, {g.ri(2, 6)} dropped out before the debate, which drew {g.ri(3, 9)}.{g.ri(1, 9)} million viewers.",
        f"Survivors of the {g.year_before(20, 60)} flood, some now in their {g.ch(['80s', '90s'])}, gathered at the memorial.",
        f"Engineers described the dead zone of {commas(g.ri(300, 9000))} square kilometres in the gulf as the largest on record.",
        f"{poss(country)} biggest bank said bad debts killed {g.ri(10, 40)}% of its profit.",
    ]


def nonnews_sentences(g):
    co = g.company("tech", key="techco")
    yr = g.date.year
    return [
        f"Readers can call the helpline on 0800 {g.ri(100, 999)} {g.ri(1000, 9999)} or email the newsdesk.",
        f"The update, iOS {g.ri(14, 18)}.{g.ri(1, 6)}, fixes {g.ri(12, 60)} security flaws.",
        f"The airline flies the route with a Boeing 737 and two Airbus A320s.",
        f"Leaders of the G7 will meet in {g.ch(['June', 'July', 'May'])} to discuss debt relief.",
        f"Offices at {g.ri(2, 240)} {g.ch(['High Street', 'King Street', 'Station Road', 'Mill Lane', 'Church Road'])} open at 9.30am.",
        f"The meeting starts at {g.ri(6, 11)}.{g.ch(['00', '15', '30', '45'])}am and the vote is expected by {g.ri(1, 5)}pm.",
        f"The COVID-19 inquiry resumes on {dm(g.date + datetime.timedelta(days=g.ri(5, 40)))}." if g.date >= D(2022, 7, 1) else "The A1 runs from London to Edinburgh.",
        f"The case was brought under Article {g.ri(2, 60)} of the convention.",
        f"Version {g.ri(2, 9)}.{g.ri(0, 9)}.{g.ri(1, 20)} of the app was released on {md(g.date - datetime.timedelta(days=g.ri(3, 60)))}.",
        f"{co} shares trade under the ticker {co[:3].upper()} on the Nasdaq.",
        f"The M{g.ri(1, 62)} was closed between junctions {g.ri(2, 9)} and {g.ri(10, 14)} for resurfacing.",
        f"The bus stop on Route {g.ri(4, 99)} moves {g.ri(50, 300)} metres north from {MONTHS[g.ri(0, 11)]}.",
        f"Flight BA{g.ri(100, 999)} landed at {g.ri(10, 23)}:{g.ri(10, 59)} local time.",
        f"Tickets go on sale at 10am on {DAYS[g.ri(0, 6)]}.",
        f"The report, published on {dmy(g.date - datetime.timedelta(days=g.ri(1, 30)))}, runs to {g.ri(80, 400)} pages.",
        f"The F-35 and the Eurofighter Typhoon are both on the shortlist.",
        f"Section {g.ri(2, 240)} of the act was amended in {yr - g.ri(2, 20)}.",
        f"The Galaxy S{g.ri(20, 25)} went on sale in {g.ri(30, 60)} countries.",
        f"Room 101 of the old building is now a café.",
        f"The postcode, SW1A 2AA, belongs to 10 Downing Street.",
    ]


def far_casualty_sentences(g):
    place = g.ch(FAR_PLACES)
    place2 = g.ch(FAR_PLACES)
    n = g.ri(3, 40)
    y = g.year_before(5, 60)
    return [
        f"A bus crash in {place} killed {n} people on {DAYS[g.ri(0, 6)]}, officials said.",
        f"The {y} earthquake in {place2} killed {commas(g.ri(40, 9000))} people.",
        f"Floods in {place} have killed more than {g.ri(2, 9) * 10} people since {MONTHS[g.ri(0, 11)]}, the disaster agency said.",
        f"A landslide in {place} killed {words(g.ri(3, 12))} villagers and left {g.ri(10, 60)} missing.",
        f"At least {g.ri(5, 30)} people died when a ferry capsized off {place}.",
        f"A fire at a factory in {place2} killed {g.ri(8, 40)} workers, the fire service said.",
        f"The cyclone that struck {place} in {y} killed about {commas(g.ri(2, 90) * 100)} people.",
        f"Heavy snow in {place2} has left {words(g.ri(2, 9))} people dead and {g.ri(12, 90)} injured.",
        f"A stampede at a stadium in {place} in {y} killed {g.ri(20, 120)} fans.",
        f"A train derailment in {place2} killed {g.ri(4, 30)} passengers and injured {g.ri(40, 200)}.",
        f"Cholera has killed {g.ri(20, 400)} people in {place} this year, health officials said.",
        f"The mine collapse in {place2} killed {g.ri(5, 60)} miners, the worst such accident since {y}.",
    ]


def history_sentences(g):
    city = g.city()
    y = g.year_before(8, 40)
    return [
        f"In {y} the city had {commas(g.ri(40, 400) * 1000)} residents; today it has closer to {commas(g.ri(401, 700) * 1000)}.",
        f"The stadium, built in {g.ri(1890, 1960)}, once held {commas(g.ri(60, 140) * 1000)} people.",
        f"When the line opened in {g.ri(1840, 1910)}, a ticket to {city} cost {g.ri(2, 9)} shillings.",
        f"The factory employed {commas(g.ri(2, 9) * 1000)} people at its peak in the {g.ch(['1950s', '1960s', '1970s'])}.",
        f"The bridge took {words(g.ri(3, 9))} years to build and opened in {g.ri(1880, 1990)}.",
        f"In {y}, fewer than {g.ri(2, 9) * 10}% of households owned a car.",
        f"The school opened in {g.ri(1860, 1970)} with {g.ri(30, 120)} pupils.",
        f"The first edition, in {g.ri(1900, 1980)}, sold {commas(g.ri(2, 30) * 1000)} copies.",
        f"The town's population peaked at {commas(g.ri(20, 90) * 1000)} in {g.ri(1950, 1990)}.",
        f"The record of {g.ri(30, 45)}.{g.ri(0, 9)}C, set in {g.ri(1900, 1990)}, stood for decades.",
    ]


def generic_figures(g):
    """Sentences with figures of every kind, for any subject."""
    a = g.ri(20, 80)
    b = a + g.ri(5, 40)
    lo = g.ri(10, 40)
    return [
        f"Between {a} and {b} people are expected at the hearing.",
        f"The work will take {lo}-{lo + g.ri(2, 8)} weeks, the contractor said.",
        f"The survey found that {one_in(1, g.ri(3, 9)) or 'one in four'} adults had never heard of the scheme.",
        f"Two-thirds of those asked backed the plan, and a quarter opposed it.",
        f"Dozens of people queued outside before dawn.",
        f"Hundreds of volunteers turned out to clear the beach.",
        f"Thousands of commuters were delayed by the signal failure.",
        f"Scores of letters arrived after the broadcast.",
        f"The trip is {g.ri(12, 90)} miles, about {g.ri(20, 145)} minutes by car.",
        f"Up to {g.ri(2, 9) * 10} mm of rain could fall on high ground.",
        f"The hall seats up to {commas(g.ri(3, 40) * 100)}.",
        f"At least {words(g.ri(3, 9))} firms have bid for the contract.",
        f"Almost half of the {g.ri(200, 900)} members voted.",
        f"The average price is now {g.m(g.rf(2, 30), 'GBP')}, nearly double what it was in {g.year_before(5, 15)}.",
        f"Each ticket costs {g.m(g.rf(5, 90))}, with concessions at half price.",
        f"The ratio of staff to pupils is one to {g.ri(12, 30)}.",
        f"Members backed the deal by a margin of {words(g.ri(2, 4))} to one.",
        f"The scheme has cost {g.m(g.rf(1e5, 9e8))} so far.",
        f"The queue stretched for {g.ri(200, 900)} metres.",
        f"A {g.ri(20, 80)}-year-old man was treated at the scene.",
    ]


def tricky_arith(g):
    """Computations written the many ways copy writes them, each right,
    and sentences whose figures look like a computation and are not."""
    out = []
    # pence and pounds in one change
    p0 = g.ri(380, 520)
    dp_ = g.ri(10, 45)
    p1 = p0 + dp_
    pc = dp_ / p0 * 100
    if clear_of_tie(pc):
        out.append(f"The price of a pint rose from £{p0 / 100:.2f} to £{p1 / 100:.2f}, up {dp_}p ({g.pct(pc)}).")
    # temperatures through zero
    t0 = g.ri(1, 6)
    t1 = -g.ri(2, 9)
    out.append(f"Temperatures fell from {t0}C to minus {-t1}C overnight, a drop of {t0 - t1}C.")
    # a fraction as the change
    a = g.ri(20, 60) * 5
    b = a - a // 5
    out.append(f"The deficit narrowed from £{a}bn to £{b}bn, a fall of a fifth.")
    x = g.ri(20, 400)
    out.append(g.ch([f"Membership doubled from {commas(x)} to {commas(2 * x)} in two years.",
                     f"Membership tripled from {commas(x)} to {commas(3 * x)} in five years.",
                     f"The number of stalls halved from {commas(2 * x)} to {commas(x)}."]))
    # journey times in hours and minutes
    h0, m0 = g.ri(2, 3), g.ri(5, 55)
    save = g.ri(15, 50)
    tot1 = h0 * 60 + m0 - save
    h1, m1 = divmod(tot1, 60)
    out.append(f"The new line cuts the journey from {words(h0)} hours {m0} minutes to {plural(h1, 'one hour', words(h1) + ' hours') if h1 else ''} {m1} minutes, a saving of {save} minutes.".replace("  ", " "))
    # a year range before a change
    s0 = g.ri(100, 900) / 100
    s1 = round(s0 * g.rf(1.2, 1.8), 2)
    y1 = g.date.year - 1
    y0 = y1 - g.ri(3, 5)
    pc = (s1 - s0) / s0 * 100
    if clear_of_tie(pc):
        out.append(f"From {y0} to {y1}, its sales rose {g.pct(pc)}, from ${s0:.2f}bn to ${s1:.2f}bn.")
    # a share whose percentage is something else
    n = g.ri(30, 80)
    k = g.ri(5, n // 2)
    out.append(f"Of the {n} firms surveyed, {k} raised prices — by an average of {g.ri(2, 9)}%.")
    # starters under an age
    kk = g.ri(6, 10)
    pc = kk / 11 * 100
    out.append(f"{cap(words(kk))} of the 11 starters were aged under 25 ({g.pct(pc)}).")
    # parts that are ages
    hurt = g.ri(3, 9)
    out.append(f"{cap(words(hurt))} people were hurt, including two police officers aged {g.ri(22, 30)} and {g.ri(31, 45)}.")
    out.append(f"The crash killed {words(g.ri(2, 5))} people, including a {g.ri(60, 85)}-year-old woman and her {g.ri(6, 12)}-year-old grandson.")
    out.append(f"Four people, including three aged under 10, were treated in hospital.")
    # parts summing under the total
    tot = g.ri(20, 90) * 100
    pa = g.ri(tot // 10, tot // 3)
    pb = g.ri(tot // 10, tot // 3)
    out.append(f"The company's {commas(tot)} staff, including {commas(pa)} in {g.city('c5')} and {commas(pb)} in {g.city('c6')}, will get the rise.")
    # shares in words and money
    j = g.ri(3, 5)
    jj = g.ri(1, j - 1)
    pc = jj / j * 100
    if clear_of_tie(pc):
        out.append(f"{cap(words(jj))} of the {words(j)} judges, or {g.pct(pc)}, had sat on the panel before.")
    W = g.ri(6, 30) * 150
    out.append(f"Two-thirds of the {commas(W)} members ({commas(W * 2 // 3)}) voted yes.")
    R = g.ri(4, 40) * 50
    out.append(f"One in five of the {commas(R * 5)} workers ({commas(R)}) is on a temporary contract.")
    bn = g.ri(8, 40) / 10
    part = round(bn * g.ri(10, 60) / 100, 1)
    pc = part / bn * 100
    if part > 0 and clear_of_tie(pc):
        out.append(f"${part:.1f}bn of the ${bn:.1f}bn raised, or {g.pct(pc)}, came from pension funds.")
    # a score with possession
    out.append(f"They won {g.ri(2, 4)}-1, with {g.ri(55, 70)}% of possession.")
    out.append(f"They came from 1-0 down at half-time to win 4-1.")
    # from X to Y that is not a change
    out.append(f"Opening hours run from 9am to 5.30pm, up from 10am to 4pm last year.")
    out.append(f"Children aged from 5 to 11 pay £4, and adults £{g.ri(6, 12)}.")
    out.append(f"Prices range from £{g.ri(5, 20)} to £{g.ri(40, 90)} a night.")
    # change with old and new as rates
    r0 = g.ri(30, 60) / 10
    r1 = r0 + g.ri(1, 9) / 10
    out.append(f"Unemployment rose from {r0:.1f}% to {r1:.1f}%, up {fnum(r1 - r0, 1)} percentage {plural(rhu(r1 - r0, 1), 'point')}.")
    i0 = g.ri(40, 110) / 10
    i1 = i0 - g.ri(5, 25) / 10
    out.append(f"Inflation fell to {i1:.1f}% from {i0:.1f}%, its lowest in {words(g.ri(2, 3))} years.")
    out.append(f"Prices rose {g.ri(25, 40) / 10:.1f}% in May, up from {g.ri(15, 24) / 10:.1f}% in April.")
    # a multiple
    st = g.ri(20, 90)
    out.append(f"The firm, which had {st} staff in {g.year_before(6, 10)}, now has {3 * st}, three times as many.")
    # attendance change in three figures
    a0 = g.ri(20, 45) * 1000
    a1 = a0 + g.ri(1, 5) * 1000
    out.append(f"Attendance rose by {commas(a1 - a0)} to {commas(a1)}, from {commas(a0)}.")
    # 40% ... (800)
    R2 = g.ri(5, 40) * 100
    pc = g.ch([20, 25, 40, 60, 75])
    out.append(f"{pc}% of the {commas(R2)} respondents ({commas(R2 * pc // 100)}) said they would move.")
    # population growth with absolute and relative change
    c0 = g.ri(10, 40) / 10
    c1 = round(c0 * g.rf(1.1, 1.4), 1)
    dd = round(c1 - c0, 1)
    pc = dd / c0 * 100
    if dd > 0 and clear_of_tie(pc):
        out.append(f"The city grew from {c0:.1f} million to {c1:.1f} million people, up {commas(round(dd * 1e6))} or {g.pct(pc)}.")
    # sales fell x% to y from z
    z = g.ri(40, 120) * 25
    y = z - g.ri(2, 12) * 25
    pc = (z - y) / z * 100
    if clear_of_tie(pc):
        out.append(f"Sales fell {g.pct(pc)} to {commas(y)}, from {commas(z)}.")
    # seats and a majority
    out.append(f"The council has {g.ri(40, 70)} seats, of which {g.ri(21, 39)} are needed for control.")
    # a lead in points
    pa = g.ri(35, 45)
    pb = pa - g.ri(2, 9)
    out.append(f"The poll put {g.ch(['Labour', 'the Greens', 'the governing party'])} on {pa}% and its rival on {pb}%, a lead of {pa - pb} points.")
    return out


def near_miss(g):
    """Places and words of the bundled subjects in other stories: facts
    that are true and bind to no bundled series."""
    d = g.date
    out = [
        "Tel Aviv, Israel's commercial capital, is home to about 470,000 people.",
        f"Israeli road deaths rose to {g.ri(350, 460)} last year, the highest in a decade.",
        f"More than 1,400 runners took part in the Tel Aviv half marathon.",
        f"Russia's central bank raised its key rate to {g.ri(8, 21)}%.",
        f"The Kremlin said {commas(g.ri(2, 9) * 100)} delegates would attend the forum in St Petersburg.",
        f"Ukraine's capital, Kyiv, hosted the Eurovision Song Contest in 2017.",
        f"Road crashes kill about {'1.19' if d >= D(2023, 12, 15) else '1.35'} million people worldwide every year, the World Health Organization says.",
        f"Gaza's fishing fleet of about {g.ri(5, 9) * 100} boats rarely goes beyond six nautical miles.",
        f"The Israel Philharmonic played {g.ri(20, 60)} concerts abroad last season.",
        f"Israeli police say the phone scam had more than {commas(g.ri(8, 20) * 100)} victims.",
        f"Russia has {commas(g.ri(20, 60) * 100)} oil storage tanks along the pipeline, the operator says.",
    ]
    if d >= D(2023, 3, 1):
        out.append(f"Economists estimate that Russia lost up to {commas(g.ri(5, 9) * 100000)} working-age men to emigration in 2022.")
    if d >= D(2018, 7, 10):
        out.append("Russia lost 4-3 on penalties to Croatia in the 2018 World Cup quarter-final.")
    if d >= D(2022, 7, 1):
        out.append("Western leasing firms lost more than 400 aircraft stranded in Russia after sanctions.")
        out.append(f"Ukraine's wheat harvest fell to about {g.ri(19, 23)} million tonnes in 2022.")
    if d >= D(2021, 3, 1):
        out.append("Passenger numbers have yet to return to pre-pandemic levels.")
        out.append(f"Sales have recovered since the pandemic, when {g.ri(20, 60)} of its {g.ri(200, 400)} stores closed for months.")
    if d >= D(2023, 12, 15):
        out.append("Malaria killed about 600,000 people worldwide in 2022, the WHO says.")
    if g.data is not None and g.data.ok:
        rec = g.data.pop_in_force("ISR", d)
        if rec:
            out.append(f"Israel, a country of {pop_claim(g, rec[1])} people, has a booming tech sector.")
    return out


# ----------------------------------------------------------------------
# Subjects. Each is a function g -> (headline, [sentences]): the lead
# first, then a pool the article draws from.


def subj_business(g):
    co = g.company()
    ceo = g.person("ceo")
    cs = g.surname("ceo")
    cur = g.once("cur", lambda: g.ch(["USD", "GBP", "EUR", "EUR", "GBP", "USD", "JPY", "INR"]))
    rev0 = g.rf(2e8, 4e10)
    t0, r0 = g.money(rev0, cur)
    r1 = r0 * (1 + g.rf(-0.2, 0.35))
    t1, r1 = g.money(r1, cur)
    while r1 == r0:
        t1, r1 = g.money(r0 * 1.13, cur)
    staff = g.ri(8, 300) * 100
    cut = g.ri(2, 30) * staff // 100
    stores = g.ri(40, 900)
    close = g.ri(3, stores // 4)
    q = g.ch(["first quarter", "second quarter", "third quarter", "three months to June", "half-year", "year to March"])
    mshare0 = g.ri(80, 300) / 10
    mshare1 = mshare0 + g.ch([-1, 1]) * g.ri(3, 40) / 10
    pr0, pr0v = g.money(g.rf(1.5, 40), cur if cur != "JPY" else "USD")
    price_cur = cur if cur != "JPY" else "USD"
    pr1v = round(pr0v * (1 + g.rf(0.03, 0.2)), 2)
    dividend = g.ri(6, 90) / 10
    ebit_margin = g.ri(30, 220) / 10
    share_price = g.ri(200, 9000) / 100
    move = g.ri(5, 140) / 10
    head = g.ch([f"{co} profits slide as costs bite",
                 f"{co} beats forecasts",
                 f"{co} to cut {commas(cut)} jobs",
                 f"Shoppers desert {co}",
                 f"{co} shares jump after results",
                 f"{co} sees sales recover"])
    lead = g.ch([
        f"{co} said revenue {change_phrase(g, r0, r1, lambda x: t0 if x == r0 else t1, diff_fmt=lambda x: g.money_exact(x, cur))} in the {q}.",
        f"{co}'s sales {change_phrase(g, r0, r1, lambda x: t0 if x == r0 else t1, diff_fmt=lambda x: g.money_exact(x, cur))} in the {q}, the company said on {DAYS[g.ri(0, 4)]}.",
        f"Revenue at {co} reached {t1} in the {q}, compared with {t0} a year earlier.",
    ])
    pool = [
        f"The group, which employs {commas(staff)} people, plans to cut {commas(cut)} jobs, about {g.pct(cut / staff * 100)} of its workforce." if clear_of_tie(cut / staff * 100) else f"The group employs {commas(staff)} people.",
        f"{ceo}, the chief executive, said the {q} had been \"tough but manageable\".",
        f"{cs}, {g.ri(41, 66)}, has run the company since {g.year_before(2, 12)}.",
        f"The chain will close {close} of its {stores} stores, leaving {stores - close} open.",
        f"Its market share {change_phrase(g, mshare0, mshare1, lambda x: g.pct(x, 1), diff_fmt=lambda x: g.pts(x, 1), allow_pct=False)}, {g.says('Kantar')}.",
        f"Shares in {co} closed {g.pct(move, 1)} {g.ch(['higher', 'lower'])} at {g.m(share_price, price_cur)}.",
        f"The board proposed a dividend of {fnum(dividend, 1)}p a share, up from {fnum(dividend - g.ri(1, 4) / 10, 1)}p.",
        f"Operating margin was {fnum(ebit_margin, 1)}%, the highest since {g.year_before(3, 15)}.",
        f"Its best-selling product now costs {g.m(pr1v, price_cur)}, up from {pr0} last year.",
        f"Analysts at {g.ch(['Jefferies', 'Barclays', 'Citi', 'Berenberg', 'Morningstar'])} had expected {g.m(r1 * g.rf(0.9, 1.1), cur)}.",
        f"The company has {stores} shops and {g.ri(2, 40)} warehouses in {g.ri(3, 30)} countries.",
        f"Online sales now make up {g.ri(12, 60)}% of the total, against {g.ri(2, 11)}% before {g.year_before(3, 6)}.",
        f"It expects full-year profit of between {g.m(r1 * 0.05, cur)} and {g.m(r1 * 0.08, cur)}.",
        f"Net debt stood at {g.m(r1 * g.rf(0.2, 1.5), cur)} at the end of {MONTHS[g.ri(0, 11)]}.",
        f"The firm was founded in {g.ri(1870, 1999)} and floated in {g.year_before(5, 25)}.",
        f"{cs} said the company would open {g.ri(5, 40)} stores next year, mostly in {g.city('c2')} and {g.city('c3')}.",
        f"Energy costs {g.ch(['doubled', 'nearly doubled', 'rose by a third', 'rose by half'])} over the period.",
        f"A pint of its lager now costs {g.m(g.rf(4, 7.5), 'GBP')} in London pubs.",
        f"The company sold {commas(g.ri(2, 90) * 1000)} cases of its own-label cider, up {g.pct(g.ri(3, 30))}.",
        f"About {g.ri(2, 9) * 10} of its {stores} stores are loss-making, {g.says(ceo)}.",
        f"It ranked {ordinal(g.ri(2, 40))} in the annual index of customer satisfaction, up from {ordinal(g.ri(41, 80))}.",
        f"Staff will get a pay rise of {g.pct(g.ri(25, 80) / 10, 1)}, below inflation of {g.pct(g.ri(30, 110) / 10, 1)}.",
        f"The rival bid, worth {g.m(r1 * g.rf(1, 3), cur)}, was rejected in {MONTHS[g.ri(0, 11)]}.",
    ]
    return head, [lead] + pool


def subj_markets(g):
    idx = g.once("idx", lambda: g.ch([("FTSE 100", 7000, 8300), ("S&P 500", 3800, 5600),
                                         ("Dax", 14000, 18500), ("Nikkei 225", 26000, 40000),
                                         ("CAC 40", 6500, 8100), ("Sensex", 58000, 75000),
                                         ("Dow Jones Industrial Average", 31000, 39000)]))
    name, lo, hi = idx
    old = round(g.rf(lo, hi), 1)
    d = round(old * g.rf(0.002, 0.025), 1) * g.ch([1, -1])
    new = round(old + d, 1)
    pc = abs(d) / old * 100
    pcs = g.pct(pc, 2) if clear_of_tie(pc, 2) else None
    brent0 = round(g.rf(60, 110), 2)
    bd = round(g.rf(0.2, 3.5), 2) * g.ch([1, -1])
    brent1 = round(brent0 + bd, 2)
    gold = g.ri(1700, 2500)
    gbp = round(g.rf(1.18, 1.34), 4)
    y0 = round(g.rf(0.8, 4.8), 2)
    bp = g.ri(3, 25) * g.ch([1, -1])
    y1 = round(y0 + bp / 100, 2)
    head = g.ch([f"{name} slips as oil jumps", f"Stocks rally on rate hopes",
                 f"{name} hits record high", "Markets fall on growth fears",
                 f"Pound steadies against dollar"])
    verb = "rose" if d > 0 else "fell"
    lead = g.ch([
        f"The {name} {verb} {fnum(abs(d), 1)} points{', or ' + pcs + ',' if pcs else ''} to {fnum(new, 1)} on {DAYS[g.ri(0, 4)]}.",
        f"The {name} closed at {fnum(new, 1)}, {'up' if d > 0 else 'down'} {fnum(abs(d), 1)} points from {fnum(old, 1)}.",
        f"The {name} {change_phrase(g, old, new, lambda x: fnum(x, 1), pct_dp=2)} in a day of heavy trading.",
    ])
    pool = [
        f"Brent crude {change_phrase(g, brent0, brent1, lambda x: '$' + fnum(x, 2), allow_pct=False)} a barrel.",
        f"Gold hit a record {g.m(gold, 'USD')} an ounce.",
        f"The pound {'rose' if g.chance(0.5) else 'fell'} {g.pct(g.ri(1, 9) / 10, 1)} against the dollar to ${gbp:.4f}.",
        f"The yield on the 10-year Treasury {'rose' if bp > 0 else 'fell'} {abs(bp)} basis points to {fnum(y1, 2)}%.",
        f"The yield on ten-year gilts {change_phrase(g, y0, y1, lambda x: fnum(x, 2) + '%', diff_fmt=lambda x: fnum(x * 100, 0) + ' basis points', allow_pct=False)}.",
        f"Shares in {g.company()} fell {g.pct(g.ri(30, 190) / 10, 1)} after a profit warning.",
        f"{g.company(key='co2')} was the biggest riser, up {g.pct(g.ri(40, 150) / 10, 1)}.",
        f"The index has gained {g.pct(g.ri(2, 25))} this year, its best start since {g.year_before(3, 20)}.",
        f"Traders now see a {g.ri(20, 90)}% chance of a rate cut in {MONTHS[g.ri(0, 11)]}.",
        f"Bitcoin traded at {g.m(g.ri(16000, 70000), 'USD')}, having lost a third of its value since {MONTHS[g.ri(0, 11)]}.",
        f"Volumes were thin, with {g.ri(300, 900)} million shares changing hands.",
        f"Of the {g.ri(90, 100)} companies in the index, {g.ri(60, 89)} closed higher.",
        f"The euro bought {fnum(g.rf(0.83, 0.9), 4)} pounds.",
        f"Copper rose to {g.m(g.ri(7000, 10500), 'USD')} a tonne, its highest in {words(g.ri(2, 9))} months.",
        f"Inflation is running at {g.pct(g.ri(15, 95) / 10, 1)}, against a target of 2%.",
        f"The central bank held rates at {fnum(g.ri(1, 22) * 0.25, 2)}% for the {ordw(g.ri(2, 8))} meeting in a row.",
        f"Oil tanks at Cushing, Oklahoma, held {g.ri(20, 60)} million barrels, the lowest since {g.year_before(2, 10)}.",
        f"Wheat futures jumped {g.pct(g.ri(2, 9))}, the most in a day since {g.year_before(1, 5)}.",
        f"The market lost {g.m(g.rf(1e10, 9e11), 'USD')} in value in two sessions.",
        f"The VIX, Wall Street's fear gauge, rose to {g.ri(14, 40)}.",
    ]
    return head, [lead] + pool


def subj_politics(g):
    pm = g.person("pm")
    ps = g.surname("pm")
    party = g.once("party", lambda: g.ch(["Labour", "the Conservatives", "the Liberal Democrats", "the Greens", "the Social Democrats", "the centre-right party", "the governing coalition"]))
    seats = g.ch([650, 577, 709, 350, 120, 200, 460, 150])
    need = seats // 2 + 1
    won = g.ri(need - 40, need + 80)
    ayes = g.ri(seats // 2 - 40, seats // 2 + 60)
    noes = g.ri(seats // 2 - 80, ayes - 1)
    appr0 = g.ri(25, 55)
    appr1 = appr0 + g.ch([-1, 1]) * g.ri(1, 8)
    sample = g.ri(900, 3000)
    head = g.ch([f"{ps} survives confidence vote", "Budget passes after late-night vote",
                 f"Poll blow for {ps}", "MPs back new housing targets",
                 "Coalition talks drag on"])
    lead = g.ch([
        f"The bill passed by {ayes} votes to {noes}, a majority of {ayes - noes}.",
        f"MPs voted {ayes} to {noes} in favour of the measure on {DAYS[g.ri(0, 4)]} night.",
        f"The government won the vote by {ayes - noes} votes, with {ayes} in favour and {noes} against.",
    ])
    pool = [
        f"{cap(party)} hold {won} of the {seats} seats, {'a majority of ' + str(2 * won - seats) if won >= need else str(need - won) + ' short of a majority'}.",
        f"{pm}'s approval rating {change_phrase(g, appr0, appr1, lambda x: str(x) + '%', diff_fmt=lambda x: g.pts(x), allow_pct=False)} in the latest poll.",
        f"The poll of {commas(sample)} adults has a margin of error of {g.ri(2, 4)} percentage points.",
        f"{ps}, {g.ri(42, 72)}, was first elected in {g.year_before(5, 30)}.",
        f"The minister shot down the proposal within hours.",
        f"The budget sets aside {g.m(g.rf(1e9, 9e10), 'GBP')} for defence and {g.m(g.rf(1e8, 9e9), 'GBP')} for schools.",
        f"Ministers want {commas(g.ri(150, 400) * 1000)} new homes a year by {g.date.year + g.ri(2, 8)}.",
        f"{words(g.ri(2, 9)).capitalize()} backbenchers rebelled, the biggest revolt since {g.year_before(1, 10)}.",
        f"The party ranks {ordinal(g.ri(2, 4))} in the polls on {g.ri(9, 25)}%.",
        f"Nearly two-thirds of voters said the country was on the wrong track.",
        f"The G7 communique ran to {g.ri(20, 40)} pages.",
        f"The deficit is forecast to fall to {g.pct(g.ri(20, 55) / 10, 1)} of GDP next year.",
        f"Turnout in the by-election was {g.pct(g.ri(250, 600) / 10, 1)}.",
        f"The Senate confirmed the nominee {g.ri(51, 60)}-{g.ri(38, 49)}.",
        f"UN Security Council Resolution {g.ri(1000, 2700)} was passed in {g.year_before(3, 25)}.",
        f"The inquiry heard from {g.ri(30, 200)} witnesses over {words(g.ri(3, 18))} months.",
        f"Public sector pay will rise by {g.pct(g.ri(2, 6))} from April, costing {g.m(g.rf(1e9, 6e9), 'GBP')}.",
        f"One in three voters has yet to decide, the pollster said.",
        f"The deal killed the prospect of an early election.",
        f"{ps} won the leadership with {g.pct(g.ri(51, 70))} of the members' vote.",
    ]
    return head, [lead] + pool


def subj_elections(g):
    c1 = g.person("c1")
    c2 = g.person("c2")
    s1, s2 = g.surname("c1"), g.surname("c2")
    total = g.ri(20, 90) * 1000 + g.ri(0, 999)
    v1 = int(total * g.rf(0.38, 0.55))
    v2 = int(total * g.rf(0.2, 0.36))
    others = total - v1 - v2
    electorate = int(total / g.rf(0.45, 0.8))
    t0 = g.ri(45, 75)
    turnout = total / electorate * 100
    place = g.city("place")
    head = g.ch([f"{s1} wins {place} mayoral race", f"{place} votes for change",
                 f"Recount confirms {s1} victory", f"Narrow win for {s1} in {place}"])
    p1 = share_clause(g, v1, total)
    p2 = share_clause(g, v2, total)
    lead = g.ch([
        f"{c1} won {commas(v1)} votes{' (' + p1 + ')' if p1 else ''}, against {commas(v2)}{' (' + p2 + ')' if p2 else ''} for {c2}.",
        f"Of the {commas(total)} votes cast, {c1} took {commas(v1)}{', or ' + p1 + ',' if p1 else ''} to {s2}'s {commas(v2)}.",
        f"{c1} beat {c2} by {commas(v1 - v2)} votes, winning {commas(v1)} to {commas(v2)}.",
    ])
    tp = g.pct(turnout, 1) if clear_of_tie(turnout, 1) else None
    pool = []
    if g.data is not None and g.data.ok:
        cn, iso, _ = g.country()
        rec = g.data.pop_in_force(iso, g.date)
        if rec:
            pool.append(f"{cap(cn)}, a country of {pop_claim(g, rec[1])} people, holds its general election in {MONTHS[g.ri(0, 11)]}.")
    pool += [
        f"Turnout was {tp}, with {commas(total)} of the {commas(electorate)} registered voters casting a ballot." if tp else f"{commas(total)} of the {commas(electorate)} registered voters cast a ballot.",
        f"At the last election, in {g.year_before(3, 5)}, turnout was {t0}%.",
        f"Candidates from {words(g.ri(3, 9))} other parties shared the remaining {commas(others)} votes.",
        f"{s2}, {g.ri(35, 70)}, conceded shortly after {g.ri(1, 4)}am.",
        f"The count at the {place} leisure centre took {g.ri(5, 11)} hours.",
        f"{s1} is the city's {ordw(g.ri(2, 19))} mayor and the first from outside the two main parties.",
        f"Residents voted on a new council tax band at the same time, backing it by {g.once('yes', lambda: g.ri(51, 68))}% to {100 - g.ctx['yes']}%.",
        f"Postal votes made up about a third of the total.",
        f"The city has {g.ri(20, 90)} wards and {commas(electorate)} voters.",
        f"{s1} promised to freeze bus fares at {g.m(g.rf(1.5, 3), 'GBP')} for {words(g.ri(2, 4))} years.",
        f"A recount was ordered after {commas(g.ri(20, 400))} ballots were found in a second box.",
        f"The result was declared at {g.ri(3, 6)}.{g.ch(['10', '25', '40', '55'])}am.",
        f"The winning margin, {commas(v1 - v2)}, was the largest since {g.year_before(8, 30)}.",
        f"Both candidates had polled between {g.ri(30, 36)}% and {g.ri(37, 44)}% in the final week.",
        f"{words(g.ri(2, 9)).capitalize()} ballot papers were spoilt, {g.says('the returning officer')}.",
    ]
    return head, [lead] + pool


def subj_football(g):
    home = g.team("home")
    away = g.team("away")
    while away == home:
        g.ctx.pop("away")
        away = g.team("away")
    hg, ag = g.ri(0, 5), g.ri(0, 4)
    scorer = g.person("scorer")
    ss = g.surname("scorer")
    crowd = g.ri(8, 75) * 1000 + g.ri(0, 999)
    goals = g.ri(5, 28)
    apps = goals + g.ri(3, 25)
    games = g.ri(20, 38)
    pts = g.ri(games // 2, games * 2)
    pos = g.ri(1, 20)
    fee = g.rf(2e6, 1.2e8)
    head = g.ch([f"{home} {hg}-{ag} {away}", f"{ss} double lifts {home}",
                 f"{away} slump continues", f"Late drama at {home.split()[0]} {g.ch(STADIUM_SUF)}"])
    res = "beat" if hg > ag else ("drew" if hg == ag else "lost")
    if res == "beat":
        lead = g.ch([f"{home} beat {away} {hg}-{ag} on {DAYS[5]}, their {ordw(g.ri(2, 8))} win in {words(g.ri(8, 12))} games.",
                     f"{ss} scored twice as {home} beat {away} {hg}-{ag} in front of a crowd of {commas(crowd)}."])
    elif res == "drew":
        lead = f"{home} drew {hg}-{ag} with {away} in front of {commas(crowd)} fans."
    else:
        lead = g.ch([f"{home} lost {ag}-{hg} at home to {away}, their {ordw(g.ri(2, 5))} defeat in a row.",
                     f"{away} won {ag}-{hg} away at {home}, who remain {ordinal(pos)} in the table."])
    pool = [
        f"{ss}, {g.ri(19, 34)}, has now scored {goals} goals in {apps} appearances this season.",
        f"The result leaves {home} {ordinal(pos)}, with {pts} points from {games} games.",
        f"{home} paid a club-record {g.m(fee, 'GBP')} for {ss} in {g.year_before(1, 4)}.",
        f"{away} have won only {words(g.ri(1, 5))} of their last {words(g.ri(8, 15))} matches.",
        f"The attendance of {commas(crowd)} was the highest at the ground since {g.year_before(3, 40)}.",
        f"The equaliser came in the {ordinal(g.ri(60, 90))} minute.",
        f"They came from 2-0 down to win 3-2 at {g.city('c2')} in {MONTHS[g.ri(0, 11)]}.",
        f"{ss} killed the game off with a header in stoppage time.",
        f"Season tickets will cost between {g.m(g.ri(350, 550), 'GBP')} and {g.m(g.ri(551, 1100), 'GBP')} next year.",
        f"The manager, {g.person('mgr')}, has been in charge for {g.ri(40, 300)} games.",
        f"{home} had {g.ri(52, 74)}% of possession and {g.ri(8, 25)} shots, {g.ri(3, 9)} on target.",
        f"The {ordinal(g.ri(70, 89))}-minute red card was the club's {ordw(g.ri(2, 7))} of the season.",
        f"It was a dead rubber: both sides were already through to the last 16.",
        f"They were the better side by a country mile.",
        f"{away} sit {g.ri(3, 15)} points from safety with {words(g.ri(3, 9))} games left.",
        f"The top scorer in the division has {goals + g.ri(1, 9)}.",
        f"Ticket prices at the ground start at {g.m(g.rf(20, 60), 'GBP')}.",
        f"The club's wage bill rose {g.pct(g.ri(3, 25))} to {g.m(g.rf(4e7, 3e8), 'GBP')}.",
        f"The No. {g.ri(2, 11)} shirt has been retired in his honour.",
        f"The {g.ri(18, 23)}-year-old keeper made {words(g.ri(3, 9))} saves.",
    ]
    return head, [lead] + pool


def subj_tennis(g):
    p1 = g.person("p1")
    p2 = g.person("p2")
    s1, s2 = g.surname("p1"), g.surname("p2")
    r1 = g.ri(1, 30)
    r2 = g.ri(31, 120)
    a = g.ri(6, 7)
    b = g.ri(0, 4) if a == 6 else 5
    tb = g.ri(0, 5)
    prize = g.rf(5e5, 3.6e6)
    event = g.ch(["Wimbledon", "the US Open", "the Australian Open", "Roland Garros", "the Italian Open", "Indian Wells", "the Madrid Open"])
    head = g.ch([f"{s1} into {event} quarter-finals", f"{s2} stuns top seed",
                 f"{s1} saves match points", f"World No. {r1} {s1} marches on"])
    set2 = (6, g.ri(0, 4))
    lead = g.ch([
        f"{p1}, the world No. {r1}, beat {s2} {a}-{b}, {set2[0]}-{set2[1]} in {g.ch(['one hour', 'two hours'])} {g.ri(1, 59)} minutes.",
        f"{p1} won 7-6 (7-{tb}), 6-{g.ri(0, 4)} against the {ordinal(r2)}-ranked {s2}.",
        f"{s1} needed {g.ri(2, 5)} hours and {g.ri(1, 59)} minutes to beat {p2} 6-{g.ri(2, 4)}, 3-6, 7-5.",
    ])
    aces = g.ri(5, 30)
    pool = [
        f"{s1} hit {aces} aces and won {g.pct(g.ri(65, 85))} of first-serve points.",
        f"{s2}, ranked {ordinal(r2)}, had saved {words(g.ri(2, 5))} match points in the previous round.",
        f"The champion takes home {g.m(prize, g.ch(['GBP', 'USD', 'EUR', 'AUD']))}.",
        f"{s1} has won {g.ri(2, 20)} titles, including {words(g.ri(1, 3))} at {event}.",
        f"The {g.ri(18, 36)}-year-old is the youngest quarter-finalist since {g.year_before(5, 40)}.",
        f"Her serve was clocked at {g.ri(180, 215)}km/h.",
        f"{s2} leads their head-to-head {g.ri(3, 8)}-{g.ri(0, 2)}.",
        f"Temperatures on court reached {g.temp(g.ri(30, 41))}.",
        f"She will rise to No. {max(1, r1 - g.ri(1, 3))} in the rankings on Monday.",
        f"The match started at 11.30am and ended shortly before {g.ri(2, 5)}pm.",
        f"{s1} broke serve {words(g.ri(2, 6))} times and dropped serve only once.",
        f"Centre Court holds {commas(g.ri(12, 15) * 1000)} people.",
        f"{s1} has hit {g.ri(100, 400)} winners in {words(g.ri(3, 5))} matches.",
        f"Ticket prices for the final reach {g.m(g.ri(200, 900), 'GBP')}.",
    ]
    return head, [lead] + pool


def subj_cricket(g):
    t1 = g.ch(["England", "India", "Australia", "Pakistan", "South Africa", "New Zealand", "Sri Lanka", "the West Indies", "Bangladesh", "Yorkshire", "Surrey", "Lancashire", "Mumbai Indians", "Chennai Super Kings"])
    t2 = g.ch(["Somerset", "Kent", "Essex", "Afghanistan", "Ireland", "Zimbabwe", "Hampshire", "Rajasthan Royals", "Warwickshire"])
    bat = g.person("bat")
    bs = g.surname("bat")
    runs = g.ri(180, 420)
    wk = g.ri(3, 10)
    target_runs = g.ri(120, runs - 1)
    margin = runs - target_runs
    ton = g.ri(100, 190)
    balls = g.ri(ton - 30, ton + 90)
    avg = g.ri(300, 620) / 10
    head = g.ch([f"{bs} century sets up {t1} win", f"{t1} win by {margin} runs",
                 f"{t2} collapse", f"{bs} hits {ton}"])
    lead = g.ch([
        f"{t1} made {runs}{' all out' if wk == 10 else ' for ' + words(wk)} and bowled {t2} out for {target_runs} to win by {margin} runs.",
        f"{bs} scored {ton} off {balls} balls as {t1} reached {runs}-{wk}.",
    ])
    pool = [
        f"{bs} now averages {fnum(avg, 1)} in Tests.",
        f"The opening stand was worth {g.ri(40, 180)}.",
        f"{t2} lost their last {words(g.ri(4, 7))} wickets for {g.ri(8, 40)} runs.",
        f"The IPL franchise bought him for Rs {g.ri(2, 25)} crore at the auction.",
        f"He conceded only {g.ri(4, 14)} runs in the death overs.",
        f"The seamer took {g.ri(3, 7)} for {g.ri(18, 70)}.",
        f"A crowd of {commas(g.ri(8, 90) * 1000)} watched the second day.",
        f"{t2} need {g.ri(150, 350)} more runs with {words(g.ri(5, 9))} wickets in hand.",
        f"It was his {ordw(g.ri(2, 19))} Test hundred and his {ordw(g.ri(1, 6))} against {t2}.",
        f"Rain cost {g.ri(20, 60)} overs on the first day.",
        f"The run rate rose to {fnum(g.ri(45, 110) / 10, 1)} an over after lunch.",
        f"{bs} hit {words(g.ri(3, 9))} sixes and {g.ri(8, 20)} fours.",
        f"They are ranked {ordinal(g.ri(2, 9))} in the world Test rankings.",
        f"Play starts at 10.30am, with the new ball due after 80 overs.",
    ]
    return head, [lead] + pool


def subj_athletics(g):
    ath = g.person("ath")
    ats = g.surname("ath")
    ev = g.ch(["100m", "200m", "400m", "800m", "1,500m", "5,000m", "10,000m", "marathon", "long jump", "high jump"])
    if ev == "100m":
        t = f"{g.ri(970, 1015) / 100:.2f}"
        unit = "seconds"
    elif ev == "200m":
        t = f"{g.ri(1950, 2080) / 100:.2f}"
        unit = "seconds"
    elif ev == "400m":
        t = f"{g.ri(4380, 4700) / 100:.2f}"
        unit = "seconds"
    elif ev == "800m":
        t = f"1:{g.ri(41, 59)}.{g.ri(10, 99)}"
        unit = ""
    elif ev == "1,500m":
        t = f"3:{g.ri(26, 59)}.{g.ri(10, 99)}"
        unit = ""
    elif ev == "5,000m":
        t = f"{g.ri(12, 14)}:{g.ri(10, 59)}.{g.ri(10, 99)}"
        unit = ""
    elif ev == "10,000m":
        t = f"{g.ri(26, 30)}:{g.ri(10, 59)}.{g.ri(10, 99)}"
        unit = ""
    elif ev == "marathon":
        t = f"2:{g.ri(1, 25):02d}:{g.ri(0, 59):02d}"
        unit = ""
    elif ev == "long jump":
        t = f"{g.ri(780, 895) / 100:.2f}m"
        unit = ""
    else:
        t = f"{g.ri(220, 245) / 100:.2f}m"
        unit = ""
    tt = f"{t} {unit}".strip()
    margin = g.ri(1, 40) / 100
    head = g.ch([f"{ats} wins {ev} gold", f"{ats} breaks national record",
                 f"Record run for {ats}", f"{ats} takes {ev} title"])
    lead = g.ch([
        f"{ath} won the {ev} in {tt}, {fnum(margin, 2)} seconds ahead of {g.person()}." if "m" not in t[-1:] else f"{ath} won the {ev} with {tt}.",
        f"{ats} took gold in the {ev} in {tt}, a championship record." if "m" not in t[-1:] else f"{ats} jumped {t} to take gold in the {ev}.",
    ])
    pool = [
        f"{ats}, {g.ri(19, 35)}, finished {ordw(g.ri(4, 8))} at the last Olympics.",
        f"The heat ended in a dead heat, both runners clocking {g.ri(1000, 1030) / 100:.2f} seconds.",
        f"The world record has stood since {g.year_before(2, 30)}.",
        f"The marathon course is 42.195km, or 26.2 miles.",
        f"Temperatures of {g.temp(g.ri(26, 35))} slowed the field.",
        f"A tailwind of {fnum(g.ri(1, 20) / 10, 1)} metres per second was within the legal limit of 2.0.",
        f"{ats} ran the last lap in {g.ri(52, 62)} seconds.",
        f"The stadium, which holds {commas(g.ri(40, 90) * 1000)}, was nearly full.",
        f"{ats} has lost only {words(g.ri(1, 4))} races in {words(g.ri(2, 4))} years.",
        f"The top {words(g.ri(3, 8))} qualify for the final on {DAYS[g.ri(0, 6)]}.",
        f"Prize money for a world record is {g.m(g.ri(50, 100) * 1000, 'USD')}.",
        f"{ats} is ranked No. {g.ri(1, 9)} in the world.",
        f"The relay team ran 37.{g.ri(40, 99)} in the heats, the {ordw(g.ri(2, 5))}-fastest time ever.",
        f"She covered the {g.ri(10, 21)}km course at an average speed of {fnum(g.ri(180, 215) / 10, 1)}km/h.",
    ]
    return head, [lead] + pool


def subj_tech(g):
    co = g.company("tech", key="techco")
    users0 = g.ri(20, 900)
    users1 = users0 + g.ri(5, 200)
    price = g.ri(299, 1599) + 0.99 - 1
    breach = g.ri(2, 90) * 100000
    head = g.ch([f"{co} unveils new phone", f"{co} data breach hits customers",
                 f"{co} user numbers climb", f"Chipmaker's profits soar",
                 f"{co} cuts prices"])
    lead = g.ch([
        f"{co} said monthly users {change_phrase(g, users0, users1, lambda x: str(x) + ' million', diff_fmt=lambda x: str(x) + ' million')} over the year.",
        f"A data breach at {co} exposed the records of {commas(breach)} customers, the company said.",
        f"{co}'s new handset will cost {g.m(price, 'USD')} in the US and {g.m(price * 1.05, 'GBP')} in Britain.",
    ])
    pool = [
        f"The update, version {g.ri(2, 17)}.{g.ri(0, 9)}, fixes a flaw that let attackers read messages.",
        f"The chip packs {g.ri(10, 90)} billion transistors and is {g.pct(g.ri(10, 40))} faster than its predecessor.",
        f"The malware infected files on {commas(g.ri(2, 90) * 100)} machines in {g.ri(10, 80)} countries.",
        f"The video got {g.ri(2, 90)} million hits in its first week.",
        f"The phone has a {g.ri(60, 68) / 10:.1f}-inch screen and a battery that lasts {g.ri(18, 36)} hours.",
        f"{co} employs {commas(g.ri(5, 90) * 1000)} people and has offices in {g.ri(10, 40)} countries.",
        f"Its AI model was trained on {g.ri(2, 15)} trillion words of text.",
        f"About {g.ri(20, 80)}% of its revenue comes from advertising.",
        f"The company's market value passed {g.m(g.ri(1, 3) * 1e12, 'USD')} for the first time.",
        f"Download speeds on the new 5G network average {g.ri(100, 400)} megabits per second.",
        f"The firm was fined {g.m(g.rf(1e7, 1.2e9), 'EUR')} by the Irish regulator for breaching GDPR.",
        f"The app was downloaded {g.ri(2, 90)} million times in {g.ri(2, 11)} months.",
        f"Windows 11 runs on about {g.ri(20, 45)}% of PCs worldwide.",
        f"The headset weighs {g.ri(450, 650)}g and costs {g.m(g.ri(499, 3499), 'USD')}.",
        f"{co} bought the start-up for {g.m(g.rf(2e8, 9e9), 'USD')} in {g.year_before(1, 6)}.",
        f"Customers on the old plan pay {g.m(g.rf(5, 20), 'GBP')} a month.",
        f"The outage lasted {g.ri(2, 9)} hours and hit users in {g.ri(10, 60)} countries.",
        f"Its servers handle {g.ri(2, 90)} million requests a second at peak.",
        f"{co} ranks {ordinal(g.ri(2, 12))} among the world's biggest software firms by revenue.",
    ]
    return head, [lead] + pool


def subj_film(g):
    title = g.once("film", lambda: g.ch(["The Long Harbour", "Glass Orchard", "Night Ferry", "Salt and Iron", "The Quiet Engine", "Northern Lights Down", "A Year of Wolves", "Paper Crowns", "The Last Signal"]))
    director = g.person("dir")
    ds = g.surname("dir")
    opening = g.rf(8e6, 1.8e8)
    budget = g.rf(2e7, 2.5e8)
    screens = g.ri(1500, 4500)
    per = opening / screens
    head = g.ch([f"{title} tops box office", f"{ds}'s new film divides critics",
                 f"{title} leads Oscar nominations", f"Box office slump deepens"])
    ot, ov = g.money(opening, "USD")
    lead = g.ch([
        f"{title} took {ot} in its opening weekend in North America, from {commas(screens)} cinemas.",
        f"{director}'s {title} earned {ot} in its first {words(g.ri(3, 5))} days, above forecasts of {g.m(opening * g.rf(0.6, 0.9), 'USD')}.",
        f"{title} led the nominations with {words(g.ri(8, 13))}, including best picture and best director.",
    ])
    pool = [
        f"The film cost about {g.m(budget, 'USD')} to make.",
        f"It runs for {words(g.ri(2, 3))} hours {g.ri(1, 59)} minutes.",
        f"Critics have been kind: it scores {g.ri(70, 99)}% on Rotten Tomatoes.",
        f"{ds}, {g.ri(35, 80)}, won the Palme d'Or in {g.year_before(3, 25)}.",
        f"The lead character is killed off in the first act.",
        f"The death of the hero's mother opens the film.",
        f"It is the {ordw(g.ri(2, 9))} film in the franchise, which has grossed {g.m(g.rf(1e9, 9e9), 'USD')} worldwide.",
        f"Cinema admissions were {g.ri(100, 170)} million last year, against {g.ri(171, 190)} million in {g.year_before(5, 10)}.",
        f"Tickets average {g.m(g.rf(8, 16), 'USD')} in the US.",
        f"The soundtrack has been streamed {g.ri(20, 400)} million times.",
        f"Filming took {g.ri(40, 120)} days across {words(g.ri(3, 9))} countries.",
        f"It was released on {g.ri(600, 4500)} screens in {g.ri(20, 70)} markets.",
        f"The studio's stock rose {g.pct(g.ri(2, 12))} on Monday.",
        f"Its rival, a sequel, took {g.m(opening * g.rf(0.2, 0.7), 'USD')} in its {ordw(g.ri(2, 5))} weekend.",
        f"Apollo 13 and Ocean's 11 were screened at the same festival.",
        f"The film's {g.ri(70, 90)}-year-old star said it would be her last.",
    ]
    return head, [lead] + pool


def subj_music(g):
    artist = g.once("artist", lambda: g.ch(["Marla Vance", "The Tidewater Band", "Kojo Mensah", "Luna Ferreira", "Sister Arcade", "Owen Marsh", "The Harbour Lights", "DJ Kestrel", "Amara Obi"]))
    album = g.once("album", lambda: g.ch(["Low Tide", "Neon Psalms", "Field Notes", "Glasshouse", "Second Summer", "Midnight Arithmetic"]))
    sales = g.ri(30, 400) * 1000
    streams = g.ri(20, 300)
    dates = g.ri(20, 80)
    tickets = dates * g.ri(15, 80) * 1000
    head = g.ch([f"{artist} scores {ordw(g.ri(2, 6))} No. 1 album", f"{artist} announces world tour",
                 f"{album} tops the charts", f"Record sales for {artist}"])
    lead = g.ch([
        f"{artist}'s {album} went straight to No. 1, selling {commas(sales)} copies in its first week.",
        f"{artist} will play {dates} dates on a world tour that has already sold {commas(tickets)} tickets.",
        f"{album} was streamed {streams} million times in {words(g.ri(5, 7))} days.",
    ])
    pool = [
        f"It is {artist}'s {ordw(g.ri(2, 6))} No. 1 album and {ordw(g.ri(2, 12))} top 10 hit.",
        f"Tickets cost between {g.m(g.ri(45, 90), 'GBP')} and {g.m(g.ri(120, 400), 'GBP')}.",
        f"The album's {g.ri(10, 16)} tracks run to {g.ri(40, 70)} minutes.",
        f"Vinyl sales rose for the {ordw(g.ri(10, 17))} year in a row, to {g.ri(4, 7)}.{g.ri(0, 9)} million records.",
        f"Her greatest hits collection has spent {g.ri(100, 400)} weeks in the chart.",
        f"The band formed in {g.city()} in {g.year_before(5, 30)}.",
        f"Streaming now accounts for about {g.ri(60, 85)}% of music revenue.",
        f"The {commas(g.ri(10, 90) * 1000)}-capacity arena sold out in {g.ri(4, 59)} minutes.",
        f"Secondary ticket sites were offering seats for up to {g.m(g.ri(500, 3000), 'GBP')}.",
        f"The single hit No. {g.ri(1, 5)} in {words(g.ri(3, 20))} countries.",
        f"The festival drew {commas(g.ri(40, 200) * 1000)} people over {words(g.ri(3, 5))} days.",
        f"The record label's revenue grew {g.pct(g.ri(3, 20))} to {g.m(g.rf(1e9, 9e9), 'USD')}.",
        f"{artist} was nominated for {words(g.ri(2, 9))} Grammys.",
    ]
    return head, [lead] + pool


def subj_books(g):
    author = g.person("author")
    aus = g.surname("author")
    title = g.once("book", lambda: g.ch(["The Lamplighter's Daughter", "Winter Accounts", "A Map of Small Rivers", "The Orchard Year", "Between Two Tides", "Ash and Amber"]))
    prize = g.ch([("Booker Prize", 50000, "GBP"), ("Women's Prize", 30000, "GBP"), ("Pulitzer Prize", 15000, "USD"), ("Costa award", 5000, "GBP"), ("Goncourt", 10, "EUR")])
    subs = g.ri(120, 180)
    short = 6
    head = g.ch([f"{aus} wins {prize[0]}", f"{title} tops bestseller list",
                 f"Debut novel takes {prize[0]}", f"Book sales rise again"])
    lead = g.ch([
        f"{author} won the {prize[0]} for {title}, chosen from {subs} submissions.",
        f"{author}'s {title} has sold {commas(g.ri(20, 900) * 1000)} copies since it came out in {MONTHS[g.ri(0, 11)]}.",
    ])
    pool = [
        f"The prize is worth {g.m(prize[1], prize[2])}, and each of the {words(short - 1)} other shortlisted authors receives {g.m(2500, prize[2])}.",
        f"{aus}, {g.ri(28, 80)}, is the {ordw(g.ri(2, 5))} writer from {g.city()} to win.",
        f"The novel runs to {g.ri(220, 780)} pages and has been translated into {g.ri(10, 40)} languages.",
        f"The death of the author's father, in {g.year_before(3, 20)}, gave the book its subject.",
        f"Print sales rose {g.pct(g.ri(1, 9))} to {g.ri(180, 220)} million copies last year.",
        f"The hardback costs {g.m(g.ri(16, 30) + 0.99, 'GBP')}.",
        f"Audiobook sales have doubled since {g.year_before(4, 8)}.",
        f"The judges read {subs} novels over {words(g.ri(5, 9))} months.",
        f"{aus}'s first novel, published in {g.year_before(5, 20)}, sold fewer than {commas(g.ri(2, 9) * 1000)} copies.",
        f"The library lends {commas(g.ri(20, 90) * 1000)} books a year.",
        f"{aus} was shortlisted twice before, in {g.year_before(6, 12)} and {g.year_before(2, 5)}.",
        f"About one in {words(g.ri(3, 6))} books sold is now an e-book.",
    ]
    return head, [lead] + pool


def subj_science(g):
    inst = g.ch(["the University of Leeds", "ETH Zurich", "the Max Planck Institute", "Kyoto University", "the University of Cape Town", "MIT", "Imperial College London"])
    lead_r = g.person("sci")
    lrs = g.surname("sci")
    dist = g.ri(4, 900)
    head = g.ch(["Telescope spots distant galaxy", "Bee numbers fall sharply",
                 "Ice loss accelerates", "New species found in rainforest",
                 "Fusion milestone reached"])
    lead = g.ch([
        f"Astronomers at {inst} have found a galaxy {fnum(g.ri(100, 135) / 10, 1)} billion light years away.",
        f"Researchers counted {g.ri(12, 60)} new species of beetle in a {g.ri(2, 30)} sq km patch of forest.",
        f"The ice sheet lost {g.ri(150, 450)} billion tonnes of ice last year, {lead_r} of {inst} said.",
        f"The population of wild bees in the study area fell by a third between {g.year_before(15, 25)} and {g.year_before(1, 5)}.",
    ])
    pool = [
        f"The reserve, home to {g.ri(40, 300)} species of orchid, is {g.ri(2, 90)} km from the coast.",
        f"The probe travels at {commas(g.ri(20, 60) * 1000)} km/h and will reach its target in {g.ri(2, 9)} years.",
        f"The reactor held the plasma at {g.ri(50, 150)} million degrees for {g.ri(5, 60)} seconds.",
        f"The study followed {commas(g.ri(2, 90) * 1000)} people for {g.ri(5, 30)} years.",
        f"Sea levels are rising by about {fnum(g.ri(30, 45) / 10, 1)}mm a year.",
        f"The comet passes within {dist} million km of Earth every {g.ri(70, 200)} years.",
        f"{lrs}, who has studied the glacier since {g.year_before(10, 30)}, said it had retreated {fnum(g.ri(5, 40) / 10, 1)} km.",
        f"The hedgehog population of the county has halved since {g.year_before(15, 25)}, the survey found.",
        f"Only {commas(g.ri(200, 4000))} of the birds remain in the wild.",
        f"The team sequenced {g.ri(2, 9)} billion base pairs.",
        f"Water boils at 100C at sea level but at about {g.ri(68, 72)}C on the summit of Everest.",
        f"Results were published in Nature on {DAYS[g.ri(0, 4)]}.",
        f"The grant, worth {g.m(g.rf(5e5, 2e7), 'EUR')}, runs for {words(g.ri(3, 6))} years.",
        f"The island is home to {g.ri(12, 90)} endemic plants and {words(g.ri(2, 9))} native mammals.",
        f"The fossil is about {g.ri(60, 400)} million years old.",
        f"The detector sits {commas(g.ri(1000, 2500))} metres underground.",
    ]
    return head, [lead] + pool


def subj_health(g):
    hosp = g.once("hosp", lambda: f"{g.ch(CITIES)} {g.ch(['General', 'Royal Infirmary', 'University Hospital', 'Memorial Hospital'])}")
    wl0 = g.ri(5000, 90000)
    wl1 = wl0 + g.ri(-3000, 9000)
    if wl1 == wl0:
        wl1 += 1
    vacc = g.ri(40, 95)
    beds = g.ri(200, 1500)
    occ = g.ri(int(beds * 0.6), beds)
    post = g.date >= D(2021, 6, 1)
    head = g.ch(["Waiting lists grow again", f"Measles cases rise", "Flu season arrives early",
                 f"{hosp} declares critical incident", "Vaccine uptake falls"])
    lead = g.ch([
        f"The waiting list at {hosp} {change_phrase(g, wl0, wl1, commas)} in a year.",
        f"Measles cases worldwide rose {g.pct(g.ri(10, 80))} last year, the World Health Organization said, as vaccination rates have yet to recover from the pandemic." if post else f"Measles cases in Europe rose {g.pct(g.ri(10, 80))} last year, the World Health Organization said.",
        f"Only {vacc}% of children in the area have had both doses of the MMR vaccine, against a target of 95%.",
    ])
    p = share_clause(g, occ, beds)
    pool = [
        f"{commas(occ)} of its {commas(beds)} beds were occupied on {DAYS[g.ri(0, 6)]}{', or ' + p if p else ''}.",
        f"Flu killed an estimated {commas(g.ri(5, 30) * 1000)} people in England last winter.",
        f"Patients wait an average of {g.ri(8, 30)} weeks for a hip replacement.",
        f"The trust has {g.ri(200, 900)} nursing vacancies, about one in {words(g.ri(8, 14))} posts.",
        f"A&E saw {commas(g.ri(200, 900))} patients in a single day, a record.",
        f"The drug costs {g.m(g.rf(1e3, 9e4), 'GBP')} per patient per year.",
        f"Cases of scarlet fever reached {commas(g.ri(2, 90) * 100)} in {words(g.ri(2, 8))} weeks.",
        f"Around one in five adults smokes, down from one in four a decade ago.",
        f"Life expectancy at birth is {fnum(g.ri(760, 840) / 10, 1)} years for women and {fnum(g.ri(730, 799) / 10, 1)} for men.",
        f"The infection was found in {words(g.ri(2, 9))} patients on the same ward.",
        f"The hospital sees {commas(g.ri(20, 150) * 1000)} outpatients a month.",
        f"Ambulances took an average of {g.ri(20, 90)} minutes to reach heart-attack patients.",
        f"The court cases against the trust were settled for {g.m(g.rf(1e6, 4e7), 'GBP')}.",
        f"Some {g.ri(2, 9)} million people are on NHS waiting lists.",
        f"The new ward has {g.ri(12, 40)} beds and cost {g.m(g.rf(2e6, 3e7), 'GBP')}.",
        f"Since the pandemic, the number of GP appointments has risen by {g.pct(g.ri(3, 15))}." if post else f"GP appointments have risen by {g.pct(g.ri(3, 15))} in five years.",
        f"Court cases over the contaminated blood scandal have run since {g.year_before(10, 30)}.",
    ]
    return head, [lead] + pool


def subj_weather(g):
    place = g.city()
    country = g.country()
    t = g.ri(28, 44)
    rain = g.ri(40, 250)
    wind = g.ri(50, 120)
    head = g.ch(["Heatwave brings record temperatures", "Storm batters coast",
                 "Floods close roads", "Coldest night of the year", "Drought warning issued"])
    lead = g.ch([
        f"Temperatures reached {g.temp(t)} in {place} on {DAYS[g.ri(0, 6)]}, the highest since records began in {g.ri(1850, 1950)}.",
        f"Gusts of {wind}mph hit the coast as the storm arrived, and {rain}mm of rain fell in {words(g.ri(12, 24)) if g.chance(0.3) else g.ri(12, 48)} hours.",
        f"Overnight temperatures fell to minus {g.ri(8, 20)}C in the Highlands.",
    ])
    pool = [
        f"The Met Office issued {words(g.ri(2, 9))} amber warnings for wind.",
        f"More than {g.ri(2, 9) * 10},000 homes lost power, the network operator said.",
        f"About {g.ri(20, 200)} flood warnings were in force in {country[0]}.",
        f"Wind speeds reached {g.ri(90, 190)}km/h on exposed hills.",
        f"The reservoir is at {g.ri(30, 70)}% of capacity, against {g.ri(71, 95)}% normally for the time of year.",
        f"The average temperature for {MONTHS[g.ri(5, 7)]} was {fnum(g.ri(150, 210) / 10, 1)}C, {fnum(g.ri(5, 30) / 10, 1)}C above the long-term average.",
        f"The hosepipe ban affects {fnum(g.ri(10, 90) / 10, 1)} million customers.",
        f"Rainfall in {MONTHS[g.ri(0, 11)]} was {g.ri(120, 250)}% of the average.",
        f"Forecasters expect highs of {g.ri(24, 32)}-{g.ri(33, 36)}C by the weekend.",
        f"The storm was the {ordw(g.ri(3, 9))} to be named this season.",
        f"Snow up to {g.ri(10, 40)}cm deep closed {g.ri(2, 9) * 10} schools.",
        f"The drought is the worst in {g.ri(20, 60)} years.",
        f"Visibility fell to {g.ri(50, 200)} metres in freezing fog.",
        f"Crop losses are put at {g.m(g.rf(1e7, 9e8), 'GBP')}.",
    ]
    return head, [lead] + pool


def subj_transport(g):
    op = g.company("transport", key="op")
    fare0 = g.rf(2, 12)
    fare_t0, fare0 = g.money(fare0, "GBP")
    fare1 = round(fare0 * (1 + g.rf(0.02, 0.09)), 2)
    fare_t1 = f"£{fare1:.2f}"
    pax0 = g.ri(20, 900) / 10
    pax1 = round(pax0 * g.rf(0.85, 1.25), 1)
    if pax1 == pax0:
        pax1 = round(pax0 + 0.3, 1)
    ontime = g.ri(55, 95)
    head = g.ch(["Rail fares to rise", f"{op} cancels hundreds of services",
                 "Passenger numbers recover", "New line opens", "Toll road charges go up"])
    fp = (fare1 - fare0) / fare0 * 100
    lead = g.ch([
        f"Fares will rise {g.pct(fp, 1) if clear_of_tie(fp, 1) else 'again'} next month, taking a peak single from {fare_t0} to {fare_t1}.",
        f"Passenger journeys on {op} {change_phrase(g, pax0, pax1, lambda x: fnum(x, 1) + ' million', diff_fmt=lambda x: fnum(x, 1) + ' million')} last year.",
        f"Only {ontime}% of {op} trains arrived on time in the four weeks to {dm(g.date - datetime.timedelta(days=g.ri(3, 20)))}.",
    ])
    pool = [
        f"The toll road charges cars {g.m(g.rf(2, 9), 'GBP')} and lorries {g.m(g.rf(10, 20), 'GBP')}.",
        f"The new line cost {g.m(g.rf(1e9, 2e10), 'GBP')} and is {g.ri(8, 120)} km long.",
        f"Trains will run every {g.ri(3, 15)} minutes at peak times.",
        f"The airline operates {g.ri(40, 300)} aircraft, most of them Airbus A320s and Boeing 737s.",
        f"Flights from {g.city('c2')} to {g.city('c3')} take {words(g.ri(1, 3))} hours and {g.ri(5, 55)} minutes.",
        f"{op} cancelled {g.ri(100, 900)} services in {words(g.ri(2, 4))} weeks.",
        f"The speed limit on the stretch drops from 70mph to 50mph.",
        f"The bridge carries {commas(g.ri(20, 120) * 1000)} vehicles a day.",
        f"Electric buses make up {g.ri(10, 60)}% of the fleet of {g.ri(200, 1200)}.",
        f"The journey from London to {g.city('c4')} will take {g.ri(50, 140)} minutes, {g.ri(10, 40)} fewer than now.",
        f"Strikes on {words(g.ri(2, 6))} days will hit services on the Northern line.",
        f"A season ticket now costs {g.m(g.rf(2000, 7000), 'GBP')}.",
        f"The airport handled {fnum(g.ri(20, 800) / 10, 1)} million passengers last year.",
        f"Petrol averages {fnum(g.ri(1350, 1650) / 10, 1)}p a litre, {g.says('the RAC')}.",
        f"Diesel lorries carry tanks of fuel of up to {commas(g.ri(4, 15) * 100)} litres.",
        f"The M6 toll road is {g.ri(25, 27)} miles long.",
    ]
    return head, [lead] + pool


def subj_education(g):
    school = g.once("school", lambda: f"{g.ch(CITIES)} {g.ch(['Academy', 'High School', 'Grammar School', 'College'])}")
    pupils = g.ri(400, 2000)
    passed = g.ri(int(pupils * 0.3), int(pupils * 0.9))
    pr0 = g.ri(400, 800) / 10
    pr1 = round(pr0 + g.ch([-1, 1]) * g.ri(1, 60) / 10, 1)
    fee = g.ch([9250, 9535, 11000, 27000])
    head = g.ch(["Exam results improve", f"{school} rated outstanding", "Tuition fees to rise",
                 "Teacher shortage deepens", "University tables published"])
    p = share_clause(g, passed, pupils)
    lead = g.ch([
        f"The share of top grades {change_phrase(g, pr0, pr1, lambda x: fnum(x, 1) + '%', diff_fmt=lambda x: g.pts(x, 1), allow_pct=False)} this year.",
        f"Of the {commas(pupils)} pupils at {school}, {commas(passed)} passed five or more GCSEs{' (' + p + ')' if p else ''}.",
        f"Tuition fees will rise to £{commas(fee)} a year from September.",
    ])
    pool = [
        f"The university is ranked {ordinal(g.ri(2, 90))} in the world, up from {ordinal(g.ri(91, 150))}.",
        f"The school has {commas(pupils)} pupils and {g.ri(40, 160)} teachers.",
        f"Class sizes average {g.ri(24, 32)} in the county.",
        f"Starting salaries for teachers rise to {g.m(g.ri(30000, 38000), 'GBP')}.",
        f"About {g.ri(2, 9) * 1000} teaching posts are vacant nationally.",
        f"Pupils aged 11 to 16 will get {g.ri(2, 5)} hours of PE a week.",
        f"The school, founded in {g.ri(1550, 1950)}, is rated No. {g.ri(1, 30)} in the league table.",
        f"Free school meals go to {g.ri(15, 40)}% of pupils.",
        f"The maths pass rate was {g.ri(55, 90)}%, against {g.ri(50, 89)}% nationally.",
        f"International students pay up to {g.m(g.ri(20, 45) * 1000, 'GBP')} a year.",
        f"Applications rose {g.pct(g.ri(2, 15))} to {commas(g.ri(200, 700) * 1000)}.",
        f"The head, {g.person('head')}, {g.ri(40, 62)}, joined in {g.year_before(1, 10)}.",
        f"Between 12 and 15 new schools will open in the next {words(g.ri(3, 6))} years.",
        f"The exam board marked {fnum(g.ri(30, 70) / 10, 1)} million scripts.",
    ]
    return head, [lead] + pool


def subj_courts(g):
    def_ = g.person("def")
    ds = g.surname("def")
    age = g.ri(19, 70)
    years = g.ri(2, 20)
    fine = g.rf(500, 5e6)
    city = g.city()
    head = g.ch([f"{ds} jailed for {years} years", "Fraudster ordered to repay millions",
                 f"Court backlog hits record", f"{ds} cleared of all charges",
                 "Company fined over safety breach"])
    lead = g.ch([
        f"{def_}, {age}, of {city}, was jailed for {words(years) if years < 10 else years} years at {city} Crown Court on {DAYS[g.ri(0, 4)]}.",
        f"A {age}-year-old man was fined {g.m(fine, 'GBP')} after admitting {words(g.ri(2, 9))} counts of fraud.",
        f"The backlog of court cases has reached {commas(g.ri(50, 90) * 1000)}, the highest on record.",
    ])
    pool = [
        f"The court heard that {ds} took {g.m(g.rf(1e4, 5e6), 'GBP')} from {g.ri(12, 400)} victims over {words(g.ri(2, 9))} years.",
        f"{ds} must serve at least {words(g.ri(2, 9))} years before being considered for parole.",
        f"The jury took {words(g.ri(2, 9))} hours to reach a verdict.",
        f"The trial lasted {words(g.ri(2, 9))} weeks and heard from {g.ri(12, 60)} witnesses.",
        f"The company was also ordered to pay costs of {g.m(g.rf(1e4, 5e5), 'GBP')}.",
        f"Court cases involving rape now take an average of {g.ri(600, 1000)} days to complete.",
        f"Police seized {g.ri(2, 90)}kg of cocaine with a street value of {g.m(g.rf(1e5, 9e6), 'GBP')}.",
        f"A man who killed his neighbour in {g.year_before(1, 3)} was jailed for life, with a minimum term of {g.ri(14, 30)} years.",
        f"Knife crime rose {g.pct(g.ri(2, 15))} in the year to {MONTHS[g.ri(0, 11)]}, police figures show.",
        f"The judge said the defendant had shown \"not one ounce of remorse\".",
        f"The case was adjourned until {dm(g.date + datetime.timedelta(days=g.ri(7, 60)))}.",
        f"{ds} was banned from driving for {g.ri(12, 36)} months and fined £{commas(g.ri(2, 20) * 100)}.",
        f"The appeal, heard by {words(g.ri(3, 5))} judges, was dismissed.",
        f"Officers made {g.ri(20, 400)} arrests during the {words(g.ri(2, 9))}-week operation.",
        f"The charity lost {g.m(g.rf(1e5, 2e6), 'GBP')} to the fraud.",
        f"Police said {words(g.ri(2, 6))} people had been shot dead in the city this year.",
    ]
    return head, [lead] + pool


def subj_local(g):
    town = g.town()
    council = f"{town} council"
    budget = g.rf(2e7, 4e8)
    tax0 = g.ri(1500, 2400)
    tax1 = int(tax0 * (1 + g.rf(0.02, 0.06)))
    homes = g.ri(20, 900)
    afford = g.ri(int(homes * 0.1), int(homes * 0.4))
    head = g.ch([f"{town} council tax to rise", f"Plans for {homes} homes approved",
                 f"{town} library saved", f"Festival returns to {town}", f"Potholes cost {town} millions"])
    lead = g.ch([
        f"Band D council tax in {town} will rise from £{commas(tax0)} to £{commas(tax1)} from April, an increase of £{commas(tax1 - tax0)}.",
        f"Councillors approved plans for {homes} homes on the edge of {town}, including {afford} affordable homes.",
        f"{council.capitalize()} has a budget of {g.m(budget, 'GBP')} for the coming year.",
    ])
    pool = [
        f"{town}, a town of {commas(g.ri(8, 90) * 1000)} people, last had a new school in {g.year_before(10, 40)}.",
        f"Residents voted {g.once('yes', lambda: g.ri(51, 80))}% to {100 - g.ctx['yes']}% to keep the library open.",
        f"The council has filled {commas(g.ri(2, 20) * 1000)} potholes since {MONTHS[g.ri(0, 11)]}.",
        f"The festival drew {commas(g.ri(5, 40) * 1000)} visitors over {words(g.ri(2, 4))} days.",
        f"Parking in the town centre will cost {g.m(g.rf(1, 3), 'GBP')} an hour.",
        f"The population of the parish has grown to about {commas(g.ri(2, 12) * 1000)}.",
        f"The leisure centre, built in {g.ri(1960, 1995)}, needs repairs costing {g.m(g.rf(1e6, 9e6), 'GBP')}.",
        f"The bypass will take {g.ri(2, 9)},000 lorries a day out of the high street.",
        f"The market has {g.ri(20, 90)} stalls and opens at 8am on {DAYS[g.ri(0, 6)]}s.",
        f"A petition against the closure gathered {commas(g.ri(1000, 9000))} signatures.",
        f"The park is home to {g.ri(20, 90)} species of birds and a {g.ri(200, 600)}-year-old oak.",
        f"The council employs {commas(g.ri(800, 4000))} people.",
        f"The bus service runs every {g.ri(15, 60)} minutes until 11pm.",
        f"Volunteers planted {commas(g.ri(2, 20) * 1000)} trees along the river.",
        f"The old mill, at 14 Water Lane, will become {g.ri(12, 40)} flats.",
        f"The village hall raised £{commas(g.ri(2, 40) * 1000)} at its summer fair.",
    ]
    return head, [lead] + pool


SUBJECTS = [
    (subj_business, 12), (subj_markets, 6), (subj_politics, 7),
    (subj_elections, 4), (subj_football, 7), (subj_tennis, 3),
    (subj_cricket, 3), (subj_athletics, 3), (subj_tech, 6),
    (subj_film, 3), (subj_music, 3), (subj_books, 2), (subj_science, 4),
    (subj_health, 5), (subj_weather, 4), (subj_transport, 4),
    (subj_education, 3), (subj_courts, 4), (subj_local, 5),
]


# ----------------------------------------------------------------------
# Subjects figcheck has data for: every claim about the data is made from
# the record in force on the article's date.


def at(series, when):
    r = series_at(series, when)
    return r[1] if r else None


def exact_day(series, when):
    """The value recorded on that very day, or None."""
    r = series_at(series, when)
    return r[1] if r and r[0] == when else None


def pop_claim(g, v):
    """A population as copy writes it: millions with a decimal or a
    qualifier, always true of v."""
    c = Claim(g, v)
    k = g.ch(["m1", "m1", "about", "m2", "more_than", "nearly", "exact"])
    if k == "m1" and v >= 1e6:
        dp = 1 if v < 1e8 else 0
        if v >= 1e9:
            return f"{rhu(v / 1e9, 2):.2f} billion"
        return f"{rhu(v / 1e6, dp):.{dp}f} million" if dp else f"{int(rhu(v / 1e6))} million"
    if k == "m2" and v >= 1e6:
        return c.scaled()
    if k == "exact":
        return commas(v)
    t = getattr(c, k)() if k in ("about", "more_than", "nearly") else None
    return t or commas(v)


def subj_gaza(g):
    d = g.date
    dat = g.data
    K = at(dat.gaza["killed"], d)
    I = at(dat.gaza["injured"], d)
    C = at(dat.gaza["children"], d)
    W = at(dat.gaza["women"], d)
    M = at(dat.gaza["medical"], d)
    P = at(dat.gaza["press"], d)
    ck = Claim(g, K)
    src = g.ch(["the health ministry in Gaza said", "the Gaza health ministry said",
                "according to the Ministry of Health in Gaza",
                "the Hamas-run health ministry said", "Palestinian health officials said"])
    head = g.ch(["Gaza death toll climbs as strikes continue",
                 "Aid agencies warn of catastrophe in Gaza",
                 "Gaza toll rises as talks on pauses stall",
                 "Hospitals in Gaza run out of fuel",
                 "Ceasefire talks resume as Gaza toll mounts"])
    lead = g.ch([
        f"{cap(ck.any())} Palestinians have been killed in Gaza since October 7, {src}.",
        f"The death toll in Gaza has risen to {ck.exact()}, {src}.",
        f"Israeli strikes have killed {ck.any()} people in Gaza since the war began, {src}.",
        f"Gaza's death toll now stands at {ck.exact()}, {src}.",
        f"The number of Palestinians killed in Gaza has reached {ck.exact()}, {src}.",
        f"Gaza's health ministry put the death toll at {ck.any()} on {DAYS[d.weekday()]}.",
        f"{cap(ck.any(['exact', 'more_than', 'nearly']))} people have now died in Gaza, according to the ministry.",
        f"The Hamas-run health ministry said the war had killed {ck.any()} Palestinians in Gaza.",
    ])
    pool = []
    if I:
        pool.append(g.ch([
            f"The ministry said {Claim(g, I).any()} people had been wounded.",
            f"A further {Claim(g, I).any(['exact', 'more_than'])} people have been injured in Gaza, it said.",
            f"In Gaza, the number of injured has risen to {commas(I)}, the ministry said.",
        ]))
    if C and W and C + W < K:
        pool.append(g.ch([
            f"The ministry in Gaza said {commas(K)} people had been killed, including {commas(C)} children and {commas(W)} women.",
            f"Among the dead are {commas(C)} children, the ministry in Gaza said.",
            f"The dead in Gaza include {commas(C)} children and {commas(W)} women, the ministry said.",
        ]))
        sp = share_clause(g, C, K)
        if sp:
            pool.append(g.ch([
                f"Of the {commas(K)} people killed in Gaza, {commas(C)} were children ({sp}), the ministry said.",
                f"Children make up {commas(C)} of the {commas(K)} dead in Gaza, or {sp}, according to the ministry.",
            ]))
    if M:
        pool.append(f"In Gaza, {Claim(g, M).any(['exact', 'at_least', 'more_than'])} medical workers have been killed since the war began, the ministry said.")
    if P:
        pool.append(f"The Gaza government media office said {commas(P)} journalists had been killed in Gaza since October 7.")
    k1 = exact_day(dat.gaza["killed"], d - datetime.timedelta(days=1))
    if exact_day(dat.gaza["killed"], d) is not None and k1 and K > k1:
        pool.append(g.ch([
            f"The ministry said the toll in Gaza had risen to {commas(K)} from {commas(k1)} a day earlier, an increase of {commas(K - k1)}.",
            f"Gaza's death toll rose to {commas(K)}, up {commas(K - k1)} from {commas(k1)} the day before, the ministry said.",
        ]))
    k7 = exact_day(dat.gaza["killed"], d - datetime.timedelta(days=7))
    if exact_day(dat.gaza["killed"], d) is not None and k7 and K > k7:
        pool.append(g.ch([
            f"The death toll in Gaza has risen by {commas(K - k7)} in a week, the health ministry said.",
            f"The number of people killed in Gaza has reached {commas(K)}, up {commas(K - k7)} in a week.",
        ]))
    back = g.ri(1, 6)
    x = d - datetime.timedelta(days=back)
    kx = exact_day(dat.gaza["killed"], x)
    if kx:
        pool.append(g.ch([
            f"Fuel for the generators now costs $4m a month. As of {md(x)}, the ministry in Gaza said {commas(kx)} people had been killed.",
            f"By {DAYS[x.weekday()]}, the death toll in Gaza had reached {commas(kx)}, the ministry said.",
            f"As of {md(x)}, the ministry in Gaza said {commas(kx)} people had been killed.",
            f"On {dm(x)}, the toll in Gaza stood at {commas(kx)}, according to the health ministry.",
        ]))
    if k7:
        pool.append(g.ch([
            f"A week earlier, the ministry had put the toll in Gaza at {commas(k7)}.",
            f"Seven days ago, the health ministry in Gaza said {commas(k7)} people had been killed.",
        ]))
    isr = dat.israel_at(d)
    if isr:
        _, v, q = isr
        if q == "more_than":
            pool.append(g.ch([
                f"Hamas-led fighters killed more than {commas(v)} people in Israel on October 7, according to Israeli officials.",
                f"More than {commas(v)} people were killed in the Hamas-led attack on Israel, Israeli officials say.",
            ]))
        elif q == "about":
            pool.append(g.ch([
                f"The Hamas-led attack on October 7 killed about {commas(v)} people in Israel, according to Israeli officials.",
                f"About {commas(v)} people were killed in Israel in the Hamas-led attack, Israeli officials say.",
            ]))
    # Gaza-context figures no source covers, and exclusions.
    pool += [
        f"A strike on a school in Khan Younis killed {g.ri(12, 40)} people, the civil defence said.",
        f"Only {g.ri(20, 120)} aid lorries entered through the Rafah crossing on {DAYS[g.ri(0, 6)]}, against about 500 a day before the war.",
        f"The Gaza Strip, {g.ri(40, 41)} km long and {g.ri(6, 12)} km wide, is home to about 2.2 million people.",
        f"The UN says about 1.7 million people, some 75% of the population, have been displaced.",
        f"The 2014 war in Gaza killed more than 2,200 Palestinians over {words(7)} weeks.",
        f"The Israeli military says {g.ri(20, 90)} soldiers have been killed in the ground operation in Gaza.",
        f"The Israeli military says it has killed more than {commas(g.ri(10, 50) * 100)} Hamas fighters.",
        f"An airstrike on the Jabalia refugee camp killed {g.ri(30, 90)} people, medics said.",
        f"Hospitals in the north are running on generators with fuel for {words(g.ri(2, 4))} days.",
        "Doctors say the strip's hospitals had never fully recovered from the COVID-19 pandemic.",
        f"The World Food Programme says {g.ri(4, 9)} in 10 households in Gaza skip meals.",
        f"The UN Security Council met for the {ordw(g.ri(3, 9))} time since the war began.",
        f"At the Rafah crossing, {commas(g.ri(200, 900))} foreign nationals crossed into Egypt on {DAYS[g.ri(0, 6)]}.",
        f"Prices of flour in Gaza have risen {g.pct(g.ri(100, 400))} since October, aid agencies say.",
    ]
    return head, [lead] + pool


def subj_ukraine(g):
    d = g.date
    dat = g.data
    R = {k: at(s, d) for k, s in dat.rus.items()}
    Pp = R["personnel"]
    src = g.ch(["Ukraine's General Staff said", "according to Ukraine's General Staff",
                "the General Staff in Kyiv said", "Kyiv says", "Ukraine's military said"])
    head = g.ch(["Kyiv counts Russia's losses", "Russian losses mount, Kyiv says",
                 "Fighting intensifies in the east", "Ukraine's General Staff updates its tally",
                 "Drone war escalates"])
    lead = g.ch([
        f"Russia has lost {Claim(g, Pp).any()} soldiers since the full-scale invasion began, {src}.",
        f"Russian losses stand at {commas(Pp)} troops, {src}.",
        f"{cap(src)} that Russia had lost {Claim(g, Pp).any()} troops since February 2022.",
        f"The General Staff's daily tally put Russian personnel losses at {commas(Pp)}.",
        f"Ukraine says {Claim(g, Pp).any(['exact', 'about', 'more_than'])} Russian soldiers have been killed or wounded since the invasion.",
    ])
    pool = []
    T, A, Ar = R.get("tanks"), R.get("apc"), R.get("artillery")
    if T and A and Ar:
        pool.append(g.ch([
            f"Kyiv says Russia has lost {commas(T)} tanks, {commas(A)} armoured vehicles and {commas(Ar)} artillery systems.",
            f"Ukrainian forces have destroyed {commas(T)} Russian tanks and {commas(A)} armoured vehicles, the General Staff said.",
            f"According to Ukraine's General Staff, {commas(T)} Russian tanks have been destroyed.",
        ]))
    Ai, H = R.get("aircraft"), R.get("helicopters")
    if Ai and H:
        pool.append(f"Ukraine says Russia has lost {commas(Ai)} aircraft and {commas(H)} helicopters since the invasion.")
    Dr = R.get("drones")
    if Dr:
        pool.append(g.ch([
            f"Kyiv says {Claim(g, Dr).any(['exact', 'more_than'])} Russian drones have been shot down since 2022.",
            f"Russia has lost {Claim(g, Dr).any(['exact', 'more_than', 'nearly'])} drones, Kyiv says.",
        ]))
    S = R.get("ships")
    if S:
        pool.append(f"The General Staff said Ukrainian forces had destroyed {commas(S)} Russian warships and boats.")
    ML = R.get("mlrs")
    if ML:
        pool.append(f"Russia has also lost {commas(ML)} multiple rocket launchers, according to Kyiv.")
    p1 = exact_day(dat.rus["personnel"], d - datetime.timedelta(days=1))
    if p1 and Pp > p1:
        pool.append(g.ch([
            f"Ukraine says Russia lost {commas(Pp - p1)} soldiers in the past 24 hours.",
            f"In the past 24 hours, Russian forces lost {commas(Pp - p1)} troops, the General Staff said.",
        ]))
    t7 = exact_day(dat.rus["tanks"], d - datetime.timedelta(days=7))
    if T and t7 and T > t7:
        pool.append(g.ch([
            f"Russia's tank losses rose by {commas(T - t7)} in a week.",
            f"Russia has lost {commas(T)} tanks, up {commas(T - t7)} in a week.",
        ]))
    try:
        ya = d.replace(year=d.year - 1)
    except ValueError:
        ya = d - datetime.timedelta(days=365)
    py = exact_day(dat.rus["personnel"], ya)
    if py and Pp > py:
        pool.append(f"Russia's personnel losses have risen by {Claim(g, Pp - py).any(['exact', 'about'])} in a year, Ukraine's General Staff said.")
    if py:
        pool.append(g.ch([f"A year ago, Kyiv's count of Russian losses stood at {commas(py)} soldiers.",
                          f"A year earlier, Ukraine's General Staff said Russia had lost {commas(py)} troops."]))
    x = d - datetime.timedelta(days=g.ri(2, 20))
    tx = exact_day(dat.rus["tanks"], x)
    if tx:
        pool.append(f"As of {md(x)}, Russia had lost {commas(tx)} tanks, Kyiv said.")
    for iso, name in (("UKR", "Ukraine"), ("RUS", "Russia")):
        rec = dat.pop_in_force(iso, d)
        if rec:
            pc = Claim(g, rec[1]).about()
            if pc:
                pool.append(g.ch([f"{name}, a country of {pc} people, has mobilised hundreds of thousands of troops.",
                                  f"{name} has a population of {pc}."]))
    pool += [
        f"Russia said its air defences shot down {g.ri(10, 80)} Ukrainian drones over the Belgorod region overnight.",
        f"Russia's defence ministry claimed Ukraine had lost {commas(g.ri(500, 2500))} soldiers in a week, a figure Kyiv disputes.",
        f"The European Union has pledged €50bn to Kyiv over four years.",
        f"Ukraine exported {g.ri(2, 6)} million tonnes of grain through its Black Sea ports last month.",
        f"Ukraine lost 2-1 to {g.ch(['France', 'England', 'Italy', 'Spain'])} in a qualifier, a rare distraction from the war.",
        f"The front line runs for more than {commas(g.ri(9, 12) * 100)} km.",
        f"Drivers queued for hours to fill tanks of fuel in Kharkiv after the strikes.",
        f"About 6 million Ukrainians have fled abroad, the UN refugee agency says.",
        f"The war has cost Ukraine's economy an estimated {g.m(g.rf(2e11, 5e11), 'USD')} in damage.",
        f"A Russian missile strike on Odesa killed {words(g.ri(3, 9))} people on {DAYS[g.ri(0, 6)]}, regional officials said.",
        f"The 2008 war in Georgia lasted {words(5)} days.",
    ]
    return head, [lead] + pool


def subj_population(g):
    d = g.date
    dat = g.data
    for _ in range(20):
        name, iso, adj = g.ch(COUNTRIES)
        rec = dat.pop_in_force(iso, d)
        if rec:
            break
    g.ctx["country"] = (name, iso, adj)
    y, v = rec
    N = cap(name)
    head = g.ch([f"{N} counts its people", f"{poss(N)} population keeps growing" if dat.pop[iso].get(y - 5, v) < v else f"{poss(N)} population shrinks",
                 f"Where {N} goes next", f"A census for {N}", f"{N} faces an ageing society"])
    lead = g.ch([
        f"{N}, a country of {pop_claim(g, v)} people, goes to the polls next year.",
        f"{N} has a population of {pop_claim(g, v)}, according to the World Bank.",
        f"{poss(N)} population stands at {pop_claim(g, v)}, World Bank figures show.",
        f"{cap(pop_claim(g, v))} people call {name} home.",
        f"{poss(N)} {pop_claim(g, v)} inhabitants face higher food prices.",
        f"About {rhu(v / 1e6, 0):.0f} million people live in {name}." if v >= 2e7 and abs(rhu(v / 1e6, 0) * 1e6 - v) <= 0.012 * v else f"{N}, home to {pop_claim(g, v)} people, is growing fast.",
    ])
    pool = []
    for y0 in g.sample([2000, 2005, 2010, 2014, 2015, 2018, 1990, 1980], 2):
        if y0 >= y:
            continue
        v0 = dat.pop[iso].get(y0)
        if not v0:
            continue
        x0 = rhu(v0 / 1e6, 1)
        x1 = rhu(v / 1e6, 1)
        p = (v - v0) / v0 * 100
        k = g.ch(["hist", "pct", "fromto"])
        if k == "hist" or x1 == x0 or x0 < 1:
            pool.append(g.ch([
                f"In {y0}, {name} had a population of {x0:.1f} million.",
                f"The last census cost {g.m(g.rf(2e7, 4e8), 'USD')}. In {y0}, {name} had a population of {x0:.1f} million.",
                f"Winters were harsher then, often reaching minus {g.ri(5, 15)}C. In {y0}, {name} had a population of {x0:.1f} million.",
            ]))
        elif k == "pct" and clear_of_tie(p, 0) and abs(p) >= 1:
            verb = "grown" if p > 0 else "fallen"
            pool.append(f"{poss(N)} population has {verb} by {g.pct(abs(p))} since {y0}.")
        else:
            verb = "rose" if x1 > x0 else "fell"
            dx = abs(x1 - x0)
            pool.append(f"{poss(N)} population {verb} from {x0:.1f} million in {y0} to {x1:.1f} million in {y}, {'an increase' if x1 > x0 else 'a fall'} of {fnum(dx, 1)} million.")
    v10 = dat.pop[iso].get(y - 10)
    if v10:
        pool.append(g.ch([f"A decade ago, {name} had {rhu(v10 / 1e6, 1):.1f} million people.",
                          f"Ten years earlier, the population was {rhu(v10 / 1e6, 1):.1f} million."]))
    wrec = dat.pop_in_force("WLD", d)
    if wrec:
        pool.append(f"The world's population is about {rhu(wrec[1] / 1e9, 1)} billion.")
    capital, cpop, mpop = CAPITALS[iso]
    pool += [
        f"{capital}, {poss(name)} capital, is home to about {cpop:g} million people." if cpop >= 1 else f"{capital}, {poss(name)} capital, is home to about {commas(cpop * 1e6)} people.",
        f"The fertility rate is {fnum(g.ri(12, 45) / 10, 1)} children per woman, {'below' if g.chance(0.5) else 'against'} the replacement rate of 2.1.",
        f"The median age is {g.ri(18, 48)}.",
        f"About {g.ri(20, 85)}% of people live in towns and cities.",
        f"The last census, in {g.year_before(3, 12)}, cost {g.m(g.rf(5e7, 9e8), 'USD')}.",
        f"{poss(N)} {WILDLIFE[iso][0]} population has grown to about {commas(WILDLIFE[iso][1])}, wildlife officials say." if iso in WILDLIFE else f"{N} has {g.ri(3, 40)} national parks.",
        f"{N}, a nation of {commas(g.ri(2, 17) * 1000)} islands, is hard to count." if iso in ("IDN", "PHL", "JPN", "GRC") else f"{N} is divided into {g.ri(8, 50)} regions.",
        f"One in {words(g.ri(3, 6))} people is over 65.",
        f"The population of the capital's metropolitan area is put at {mpop:g} million." if mpop >= 1 else f"The capital's metropolitan area has about {commas(mpop * 1e6)} people.",
        f"Emigration has taken {commas(g.ri(50, 900) * 1000)} young people abroad since {g.year_before(5, 15)}.",
    ]
    return head, [lead] + pool


def subj_covid(g):
    d = g.date
    dat = g.data
    De = at(dat.covid["deaths"], d)
    Ca = at(dat.covid["cases"], d)
    src = g.ch(["according to Johns Hopkins University", "Johns Hopkins University says",
                "figures from Johns Hopkins University show"])
    head = g.ch(["The pandemic's toll keeps climbing", "Covid-19 cases rise again",
                 "A new variant spreads", "The world's Covid count", "Pandemic enters a new phase"])
    lead = g.ch([
        f"Covid-19 has killed {Claim(g, De).any()} people worldwide, {src}.",
        f"{cap(Claim(g, Ca).any(['more_than', 'exact', 'scaled']))} Covid-19 cases have been confirmed worldwide, {src}.",
        f"The global death toll of the Covid-19 pandemic stands at {commas(De)}, {src}.",
        f"Worldwide, the coronavirus has now infected {Claim(g, Ca).scaled()} people, {src}.",
        f"The pandemic has now caused {Claim(g, De).any(['exact', 'more_than', 'about'])} deaths globally, {src}.",
    ])
    pool = [
        g.ch([f"Globally, the coronavirus has infected {Claim(g, Ca).any(['exact', 'scaled', 'more_than'])} people.",
              f"The global caseload of Covid-19 has reached {commas(Ca)}."]),
        g.ch([f"Worldwide, {Claim(g, De).any()} people have died of Covid-19.",
              f"The coronavirus has claimed the lives of {Claim(g, De).any()} people around the world."]),
    ]
    d1 = exact_day(dat.covid["deaths"], d - datetime.timedelta(days=1))
    if d1 and De > d1:
        pool.append(f"In the past 24 hours, {commas(De - d1)} people died of Covid-19 worldwide.")
    d7 = exact_day(dat.covid["deaths"], d - datetime.timedelta(days=7))
    if d7 and De > d7:
        pool.append(g.ch([f"Global Covid-19 deaths have risen by {Claim(g, De - d7).any(['exact', 'about'])} in a week.",
                          f"Covid deaths worldwide rose by {commas(De - d7)} in a week."]))
    c7 = exact_day(dat.covid["cases"], d - datetime.timedelta(days=7))
    if c7 and Ca > c7:
        p = (Ca - c7) / c7 * 100
        if p >= 0.5 and clear_of_tie(p, 0):
            pool.append(f"Confirmed Covid cases worldwide have risen by {g.pct(p)} in a week.")
    try:
        xm = d.replace(month=d.month - 1) if d.month > 1 else d.replace(year=d.year - 1, month=12)
    except ValueError:
        xm = None
    dm_ = exact_day(dat.covid["deaths"], xm) if xm else None
    if dm_:
        pool.append(g.ch([f"A month ago, the virus had killed {commas(dm_)} people worldwide.",
                          f"A month earlier, the global death toll stood at {commas(dm_)}."]))
    x = d - datetime.timedelta(days=g.ri(2, 12))
    cx = exact_day(dat.covid["cases"], x)
    if cx:
        pool.append(f"As of {dmy(x)}, {commas(cx)} Covid-19 cases had been confirmed worldwide.")
    pool += [
        f"Some {g.ri(2, 9)} billion vaccine doses have been given worldwide, officials say.",
        f"In one country, {commas(g.ri(100, 900) * 1000)} doses were given on {DAYS[g.ri(0, 6)]}.",
        f"The restaurant trade lost {g.m(g.rf(1e9, 9e10), 'USD')} during the pandemic.",
        f"Court cases have piled up since the pandemic began, with {commas(g.ri(40, 90) * 1000)} waiting to be heard.",
        f"Global wine sales fell by {g.ri(20, 60)} million cases during the pandemic, an industry group said.",
        f"Cases of flu fell to almost nothing in {g.year_before(0, 1) if d.year > 2020 else 2020}, as people stayed home.",
        f"The WHO declared a pandemic on 11 March 2020.",
        f"Lockdowns cut air traffic by {g.ri(50, 90)}% in {MONTHS[g.ri(2, 5)]} 2020.",
        f"Scientists have sequenced {commas(g.ri(2, 15) * 100000)} genomes of the virus.",
        f"The spike protein has about {commas(1273)} amino acids.",
    ]
    return head, [lead] + pool


DATA_SUBJECTS = [
    (subj_gaza, 4, D(2023, 10, 14), D(2023, 12, 31)),
    (subj_ukraine, 4, D(2022, 3, 20), D(2026, 8, 8)),
    (subj_population, 4, D(2016, 1, 1), D(2025, 12, 31)),
    (subj_covid, 3, D(2020, 4, 1), D(2022, 4, 16)),
]


# ----------------------------------------------------------------------
# Articles


def pick_weighted(rng, items):
    total = sum(w for _, w, *rest in items)
    x = rng.uniform(0, total)
    for it in items:
        x -= it[1]
        if x <= 0:
            return it
    return items[-1]


def rand_date(rng, lo, hi):
    return lo + datetime.timedelta(days=rng.randint(0, (hi - lo).days))


def build_article(rng, data, data_share):
    use_data = data is not None and data.ok and rng.random() < data_share
    if use_data:
        fn, _, lo, hi = pick_weighted(rng, DATA_SUBJECTS)
    else:
        fn, _ = pick_weighted(rng, SUBJECTS)
        lo, hi = D(2016, 1, 1), D(2025, 12, 31)
    date = rand_date(rng, lo, hi)
    g = Gen(rng, date, data)
    head, sents = fn(g)
    lead, pool = sents[0], sents[1:]
    rng.shuffle(pool)
    n = rng.randint(6, 15)
    # Traps and other figures: one to four of them, from the shared pools.
    extra = []
    for maker, p in ((trap_sentences, 0.8), (nonnews_sentences, 0.45),
                     (far_casualty_sentences, 0.35), (history_sentences, 0.35),
                     (generic_figures, 0.6), (tricky_arith, 0.7),
                     (near_miss, 0.25)):
        if rng.random() < p:
            extra.append(rng.choice(maker(g)))
        if rng.random() < p / 3:
            extra.append(rng.choice(maker(g)))
    body_n = max(n - 1 - len(extra), 3)
    body = pool[:body_n] + extra
    rng.shuffle(body)
    body = body[:n - 1]
    # the subject's own sentences come first (the draft's entity), the
    # others among them
    sents = [fix_articles(x) for x in [lead] + body]
    # paragraphs of one to three sentences
    paras = []
    i = 0
    while i < len(sents):
        k = rng.choice([1, 1, 2, 2, 2, 3])
        paras.append(sents[i:i + k])
        i += k
    return {"date": date, "headline": head, "paras": paras,
            "subject": fn.__name__[5:], "author": f"{rng.choice(FIRST)} {rng.choice(LAST)}"}


MD_LINE_START_BAD = ("-", "+", "*", "#", ">", "=", "|")


def md_wrap(text, rng):
    """Wrap a paragraph as copy is often wrapped, unless a wrapped line
    would start like Markdown syntax."""
    if rng.random() < 0.5:
        return text
    lines = textwrap.wrap(text, width=rng.choice([66, 72, 76, 80]),
                          break_on_hyphens=False, break_long_words=False)
    for ln in lines[1:]:
        s = ln.lstrip()
        if s.startswith(MD_LINE_START_BAD) or (s[:1].isdigit() and
                                                any(s.split(" ", 1)[0].endswith(c) for c in ".)")):
            return text
    return "\n".join(lines)


NUMBERISH = set("""per cent percent million billion trillion thousand hundred
dozen dozens points point percentage years year months weeks days hours
minutes seconds people""".split())


def markable(words_, i):
    """Whether words_[i] may take inline markup: a plain word, not part of
    a figure (no digit beside it, not a scale or unit word)."""
    w = words_[i]
    if not w.isalpha() or len(w) < 4 or w.lower() in NUMBERISH:
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(words_) and any(c.isdigit() for c in words_[j]):
            return False
    return True


def md_markup(sent, rng):
    """Light inline markup: a bold figure, an emphasised word, a link."""
    r = rng.random()
    words_ = sent.split(" ")
    if r < 0.06 and len(words_) > 4:
        i = rng.randrange(1, len(words_) - 1)
        w = words_[i]
        if w[:1].isdigit() and w[-1:].isdigit():
            words_[i] = f"**{w}**"
            return " ".join(words_)
    if r < 0.10 and len(words_) > 6:
        i = rng.randrange(0, len(words_) - 2)
        if markable(words_, i):
            words_[i] = f"_{words_[i]}_"
            return " ".join(words_)
    if r < 0.14 and len(words_) > 6:
        i = rng.randrange(0, len(words_) - 3)
        if markable(words_, i) and markable(words_, i + 1):
            words_[i] = f"[{words_[i]}"
            words_[i + 1] = f"{words_[i + 1]}](https://example.com/story/{rng.randint(1000, 99999)})"
            return " ".join(words_)
    return sent


def render_md(a, rng):
    out = ["---", f"title: \"{a['headline']}\"", f"date: {a['date'].isoformat()}",
           f"author: {a['author']}", f"subject: {a['subject']}", "---", "",
           f"# {a['headline']}", ""]
    for p in a["paras"]:
        text = " ".join(md_markup(s, rng) for s in p)
        out.append(md_wrap(text, rng))
        out.append("")
    return "\n".join(out)


def render_txt(a, rng):
    d = a["date"]
    dl = rng.choice([dmy(d), f"{DAYS[d.weekday()]} {dmy(d)}", mdy(d),
                     f"Updated: {mdy(d)}"])
    out = [a["headline"], "", dl, ""]
    for p in a["paras"]:
        text = " ".join(p)
        if rng.random() < 0.5:
            text = "\n".join(textwrap.wrap(text, 72, break_on_hyphens=False,
                                           break_long_words=False))
        out.append(text)
        out.append("")
    return "\n".join(out)


def html_inline(sent, rng):
    s = html.escape(sent, quote=False)
    r = rng.random()
    if r < 0.15:
        s = s.replace("£", "&pound;").replace("€", "&euro;")
    words_ = s.split(" ")
    if r < 0.3 and len(words_) > 5:
        i = rng.randrange(1, len(words_) - 1)
        tag = rng.choice(["strong", "em", "b", "span"])
        if markable(words_, i) or (words_[i][:1].isdigit() and words_[i][-1:].isdigit()):
            words_[i] = f"<{tag}>{words_[i]}</{tag}>"
    elif r < 0.4 and len(words_) > 6:
        i = rng.randrange(0, len(words_) - 2)
        if markable(words_, i) and markable(words_, i + 1):
            words_[i] = f"<a href=\"https://example.com/n/{rng.randint(1, 99999)}\">{words_[i]}"
            words_[i + 1] = f"{words_[i + 1]}</a>"
    return " ".join(words_)


def render_html(a, rng):
    d = a["date"]
    h = html.escape(a["headline"])
    out = ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>",
           "<meta charset=\"utf-8\">", f"<title>{h}</title>",
           f"<meta property=\"article:published_time\" content=\"{d.isoformat()}T0{rng.randint(6, 9)}:{rng.randint(10, 59)}:00Z\">",
           "<style>p { line-height: 1.5 } .byline { color: #555 }</style>",
           "</head>", "<body>", "<article>", f"<h1>{h}</h1>",
           f"<p class=\"byline\">By {html.escape(a['author'])}</p>"]
    for p in a["paras"]:
        out.append("<p>" + " ".join(html_inline(s, rng) for s in p) + "</p>")
    out += ["</article>", "</body>", "</html>", ""]
    return "\n".join(out)


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="the folder to write into")
    ap.add_argument("--count", type=int, default=2000, help="articles (default 2000)")
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "examples", "data"),
                    help="the bundled reference data (default: the tree's examples/data)")
    ap.add_argument("--seed", type=int, default=SEED, help="the random seed (default %(default)s)")
    ap.add_argument("--data-share", type=float, default=0.15,
                    help="share of articles on the bundled subjects (default 0.15)")
    ap.add_argument("--html-share", type=float, default=0.10)
    ap.add_argument("--txt-share", type=float, default=0.10)
    args = ap.parse_args(argv)
    data = Data(args.data) if args.data_share > 0 else None
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    counts = {}
    for i in range(args.count):
        a = build_article(rng, data, args.data_share)
        r = rng.random()
        if r < args.html_share:
            ext, text = "html", render_html(a, rng)
        elif r < args.html_share + args.txt_share:
            ext, text = "txt", render_txt(a, rng)
        else:
            ext, text = "md", render_md(a, rng)
        name = f"{i + 1:05d}-{a['subject']}.{ext}"
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as fh:
            fh.write(text)
        counts[a["subject"]] = counts.get(a["subject"], 0) + 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
