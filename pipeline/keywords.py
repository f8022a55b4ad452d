"""Keyword tables: every Bangla (and English) word the pipeline recognises.

Data only. The matching functions live in ``lexicon.py``; no other module
holds Bangla keywords. Spellings seen in real charters, typos included, are
listed next to the correct form, because matching is on folded text (see
``lexicon.fold``), not on fuzzy distance.
"""

# Known garbles and typos, replaced before anything is matched or emitted.
# Only multi-character sequences that are wrong wherever they occur belong here.
GARBLES = {
    "প্রতিশুতু": "প্রতিশ্রুত",
    "প্রতিশ্রুতু": "প্রতিশ্রুত",
    "প্রাপ্তিষ্ঠান": "প্রাপ্তিস্থান",
    "প্রাপ্তিস্হান": "প্রাপ্তিস্থান",
}

# Table column roles, in matching priority: the first role whose keyword occurs
# in a header cell wins (a role may appear twice, to rank some of its phrases
# above another role's). Order matters where headers share words:
# "সেবার মূল্য ও পরিশোধ পদ্ধতি" is a fee (before method's পদ্ধতি),
# "সেবা প্রদানের সময়সীমা" is a time limit (before method's সেবা প্রদান),
# "দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, কক্ষ নং …)" is the officer (before service_name's নাম
# and room's কক্ষ নং), "ঊর্ধ্বতন কর্মকর্তা" the superior officer (before officer's কর্মকর্তা),
# "কাগজপত্র এবং প্রাপ্তিস্থান" the documents but "কাগজপত্র প্রাপ্তির স্থান" alone where to get them.
# Misspellings need no entry: labels are also matched on ``lexicon.skeleton``, fuzzily.
COLUMN_ROLES = [
    # The officer to turn to when the service is late: 'সেবা প্রাপ্তিতে বিলম্ব বা হয়রানী হলে যাঁকে জানাবেন',
    # 'সেবা পেতে বিলম্ব হলে যাঁর নিকট অভিযোগ করবেন', 'নির্দিষ্ট সেবা পেতে ব্যর্থ হলে প্রতিকারের বিধান'.
    ("superior_officer", ["ঊর্ধ্বতন", "উর্ধ্বতন", "প্রতিকার", "যাঁকে জানাবেন", "যাকে জানাবেন", "অভিযোগ করবেন",
                          "অভিযোগ জানাবেন", "বিলম্ব হলে", "হয়রানি হলে", "ব্যর্থ হলে", "superior officer",
                          "appellate", "superior", "remedy", "complain"]),
    ("officer", ["দায়িত্বপ্রাপ্ত", "দায়িত্ব প্রাপ্ত", "সেবা প্রদানকারী", "সেবা প্রদান কারী", "কর্মকর্তা", "কর্মচারী",
                 "কার সাথে যোগাযোগ", "কার সঙ্গে যোগাযোগ", "যাঁর সাথে যোগাযোগ", "যার সাথে যোগাযোগ", "responsible officer",
                 "officer", "officers", "contact person", "whom to contact", "contact"]),
    ("room", ["কক্ষ নং", "কক্ষ নম্বর", "রুম নং", "রুম নম্বর", "room no", "room number"]),
    ("time_limit", ["সময়সীমা", "সময় সীমা", "সর্বোচ্চ সময়", "কত সময়", "সময়", "time limit", "time", "duration"]),
    ("fee", ["মূল্য", "ফি", "খরচ", "পরিশোধ", "আর্থিক", "charge", "charges", "fee", "fees", "cost", "price", "payment"]),
    ("documents", ["কাগজপত্র এবং প্রাপ্তিস্থান", "কাগজপত্র ও প্রাপ্তিস্থান", "কাগজপত্র এবং প্রাপ্তির স্থান",
                   "কাগজপত্র ও প্রাপ্তির স্থান", "documents and where"]),
    # Where to get the application form: an extra. Where to get the documents: part of them.
    ("forms_location", ["ফরম প্রাপ্তি", "ফরম পাওয়ার", "ফরমের প্রাপ্তি", "form available", "form source",
                        "where to get the form"]),
    ("documents_place", ["প্রাপ্তির স্থান", "প্রাপ্তি স্থান", "প্রাপ্তিস্থান", "where to get"]),
    ("documents", ["কাগজপত্র", "কাগজ পত্র", "দলিলাদি", "প্রমানক", "প্রমাণক", "documents", "document", "papers"]),
    ("method", ["পদ্ধতি", "প্রক্রিয়া", "মাধ্যম", "যেভাবে", "করণীয়", "যা করতে হবে", "method", "procedure", "process",
                "how to"]),
    ("recipient", ["সেবা গ্রহীতা", "সেবাগ্রহীতা", "গ্রহণকারী", "recipient", "beneficiar"]),
    ("place", ["সেবা প্রদানের স্থান", "প্রদানের স্থান", "যেখানে পাওয়া যাবে", "স্থান", "place of service", "where"]),
    ("frequency", ["কতজন", "frequency", "freqency"]),
    ("remarks", ["মন্তব্য", "remarks", "comment"]),
    ("service_name", ["সেবার নাম", "সেবা সমূহ", "সেবাসমূহ", "সেবার বিবরণ", "সেবার ধরন", "প্রদেয় সেবা", "সেবা",
                      "name of service", "service name", "name of the service", "service", "services"]),
    # Sub-columns of a grouped officer header ("নাম | পদবি | ফোন | ইমেইল").
    ("officer", ["পদবি", "মোবাইল", "ফোন", "টেলিফোন", "ইমেইল", "ই-মেইল", "designation", "phone", "mobile",
                 "email", "e-mail"]),
    # ক্রমি: OCR splits ক্রমিক নং as ক্রমি কনং.
    ("serial", ["ক্রমিক", "ক্রমি", "ক্রম", "ক্রঃ", "ক্র.", "ক্র:", "ক্র/", "নং", "sl", "serial", "s/n", "no"]),
]
# The parts of an officer a sub-column (or a whole officer column's label) asks for.
OFFICER_PARTS = [
    ("name", ["নাম", "name"]),
    ("designation", ["পদবি", "পদবী", "designation", "post"]),
    ("contact", ["মোবাইল", "ফোন", "টেলিফোন", "ইমেইল", "ই-মেইল", "phone", "mobile", "telephone", "email", "e-mail"]),
]
# Roles kept in a service's record, each in its own field; every other role is an extra.
SERVICE_ROLES = ["serial", "service_name", "method", "documents", "documents_place", "fee", "time_limit", "officer",
                 "superior_officer"]

# Columns of the grievance (GRS) table.
GRIEVANCE_ROLES = [
    ("resolution", ["নিষ্পত্তির সময়", "নিষ্পত্তি", "সময়সীমা", "resolution", "time"]),
    ("address", ["যোগাযোগের ঠিকানা", "ঠিকানা", "address"]),
    ("contact", ["ফোন", "মোবাইল", "টেলিফোন", "ইমেইল", "ই-মেইল", "phone", "mobile", "email", "e-mail"]),
    ("officer", ["কার সঙ্গে", "কার সাথে", "কর্মকর্তা", "whom", "officer"]),
    ("when", ["কখন", "when"]),
    ("serial", ["ক্রমিক", "নং", "sl", "no"]),
]

# Headings. Each kind lists title phrases; a heading is a short line whose
# folded text (numbering stripped) contains one of them.
SERVICE_SECTIONS = [
    ("citizen", ["নাগরিক সেবা", "নাগরিক", "citizen service", "citizen"]),
    ("institutional", ["প্রাতিষ্ঠানিক সেবা", "প্রাতিষ্ঠানিক", "প্রাতিস্ঠানিক", "institutional service",
                       "institutional"]),
    ("internal", ["অভ্যন্তরীণ সেবা", "অভ্যন্তরীন সেবা", "অভ্যন্তরীণ", "অভ্যন্তরীন", "internal service",
                  "internal"]),
    ("subordinate_office", ["আওতাধীন দপ্তর", "আওতাধীন অফিস", "অধীনস্থ দপ্তর", "আওতাধীন",
                            "subordinate office", "attached office"]),
]

STRUCTURE_HEADINGS = [
    ("vision_mission", ["ভিশন ও মিশন", "ভিশন এবং মিশন", "রূপকল্প ও অভিলক্ষ্য", "রূপকল্প এবং অভিলক্ষ্য",
                        "vision and mission", "vision & mission"]),
    ("vision", ["ভিশন", "রূপকল্প", "রুপকল্প", "vision"]),
    ("mission", ["মিশন", "অভিলক্ষ্য", "mission"]),
    ("services", ["প্রতিশ্রুত সেবাসমূহ", "প্রতিশ্রুত সেবা", "সেবা প্রদান প্রতিশ্রুতি", "সেবাসমূহ", "সেবা সমূহ",
                  "services promised", "services"]),
    ("grievance", ["অভিযোগ প্রতিকার", "অভিযোগ ব্যবস্থাপনা", "অভিযোগ", "grs", "grievance redress",
                   "grievance"]),
    ("expectations", ["আপনার কাছে আমাদের প্রত্যাশা", "আপনার নিকট আমাদের প্রত্যাশা", "প্রত্যাশা",
                      "expectations", "what we expect"]),
]

# The title lines of the charter itself.
CHARTER_TITLES = ["সিটিজেনস চার্টার", "সিটিজেন চার্টার", "সিটিজেন্স চার্টার", "নাগরিক সনদ",
                  "সেবা প্রদান প্রতিশ্রুতি", "citizen's charter", "citizens charter", "citizen charter"]
GOVERNMENT_LINES = ["গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "government of the people's republic of bangladesh"]

# Words that name an authority, used to pick the department line of the title block.
DEPARTMENT_WORDS = ["মন্ত্রণালয়", "অধিদপ্তর", "অধিদফতর", "পরিদপ্তর", "বিভাগ", "দপ্তর", "দফতর", "বোর্ড",
                    "কমিশন", "ব্যুরো", "কর্তৃপক্ষ", "ministry", "directorate", "department", "division",
                    "bureau", "authority", "board"]

# ---------------------------------------------------------------- fees
# Fee wordings are stems matched at a word's start (বিনা মূল্য matches বিনামূল্যে and
# বিনা মূল্যে); the *_WHOLE lists are short words matched only on their own (প্রতি is no
# part of প্রতিবন্ধী, ফ্রি none of ফ্রিল্যান্সিং).
FREE_WORDS = ["বিনা মূল্য", "বিনা মুল্য", "বিনামূল্য", "বিনা ফি", "বিনা খরচ", "বিনাখরচ", "কোন ফি লাগে না",
              "কোনো ফি লাগে না", "ফি লাগে না", "কোন ফি নেই", "কোনো ফি নেই", "কোন ফি নাই", "কোনো ফি নাই", "ফি নাই",
              "ফি নেই", "কোন মূল্য নেই", "প্রযোজ্য নয়", "প্রযোজ্য নহে", "free of cost", "free of charge",
              "no fee", "no charge", "not applicable", "without fee", "cost free"]
FREE_WORDS_WHOLE = ["ফ্রি", "free", "নাই", "নেই"]
# A post followed by one of these is the agent or owner of something a sentence names, not the
# officer of a cell ('ইউনিয়ন পরিষদ চেয়ারম্যান কর্তৃক প্রদত্ত নাগরিকত্ব সনদ', 'জেলা প্রশাসক বরাবর আবেদন').
POST_CONTINUATIONS = ["কর্তৃক", "এর", "প্রদত্ত", "স্বাক্ষরিত", "সত্যায়িত", "বরাবর", "নিকট", "সুপারিশ",
                      "অনুমোদিত", "issued", "signed", "attested"]
# A header label's paragraph that opens with one of these is its previous label's next line
# ('প্রয়োজনীয় কাগজপত্র' / 'এবং প্রাপ্তি স্থান').
LABEL_JOINERS = ["এবং", "ও", "and", "&"]      # (or a '/' opening it)
# A cell that says only that nothing applies: a free fee, no documents, no officer alike.
NOT_NEEDED_WORDS = ["প্রয়োজন নেই", "প্রয়োজন নাই", "প্রযোজ্য নয়", "প্রযোজ্য নহে", "প্রযোজ্য নেই", "নেই", "নাই",
                    "not applicable", "not required", "none"]
POLICY_WORDS = ["বিধিমালা", "বিধিমোতাবেক", "বিধি মোতাবেক", "বিধি অনুযায়ী", "পরিপত্র", "নির্ধারিত ফি", "নির্ধারিত মূল্য",
                "নিয়ম অনুযায়ী", "নিয়মানুযায়ী", "নীতিমালা", "সরকার নির্ধারিত", "সরকারি নির্ধারিত", "সরকারী নির্ধারিত",
                "সরকারি নিয়ম", "সরকারী নিয়ম", "গেজেট অনুযায়ী", "গেজেট মোতাবেক", "তফসিল",
                "ধরন অনুযায়ী", "শ্রেণী ও পরিমাণ অনুযায়ী", "অনুযায়ী", "মোতাবেক", "as per", "according to",
                "policy", "rules", "schedule"]
# Wording that says the service is paid for without giving an amount: a tax, a rent, a contract, a charge.
FEE_PAYMENT_WORDS = ["ট্যাক্স", "ভ্যাট", "চুক্তি", "ভাড়া", "ইজারা", "চার্জ", "কোর্ট ফি", "ফি প্রযোজ্য", "ফি প্রদান",
                     "মূল্য পরিশোধ", "টাকা", "tax", "rent", "contract", "charge"]
FEE_PAYMENT_WORDS_WHOLE = ["কর", "ফি", "fee", "fees"]
# ঢাকা: OCR reads টাকা so; it counts only right after an amount, where the city cannot stand.
CURRENCY_WORDS = ["টাকা", "টাঃ", "টা:", "৳", "tk", "taka", "bdt", "ঢাকা"]
# Written before the amount: ৳ ৫০০, Tk. 500, টাকা ৫০/-.
CURRENCY_PREFIXES = ["৳", "tk.", "tk", "taka", "bdt", "টাকা", "টাঃ"]
# Amounts for different cases: classes of service, first or later time, new or renewal, either/or.
FEE_CASE_WORDS = ["জরুরি", "জরুরী", "সাধারণ", "সাধারন", "ক্ষেত্রে", "প্রথমবার", "প্রথম বার", "১ম বার", "দ্বিতীয়বার",
                  "দ্বিতীয় বার", "২য় বার", "পরবর্তী", "নবায়ন", "নতুন", "অথবা", "urgent", "regular", "express",
                  "normal", "ordinary", "renewal", "first time", "otherwise"]
FEE_CASE_WORDS_WHOLE = ["বা", "or", "new"]
# Amounts that are parts of one payment, written between them.
FEE_PART_WORDS_WHOLE = ["ও", "এবং", "and", "plus", "সহ", "সাথে"]
# Labels of charges: amounts in a list that names them are parts of one payment
# ('কোর্ট ফি ২০ টাকা, নোটিশ জারি ফি ৫০ টাকা'); labelled by cases they are alternatives
# ('দেওয়ানী ২০ টাকা, ফৌজদারী ১০ টাকা').
FEE_CHARGE_WORDS = ["ফি", "মূল্য", "মুল্য", "চার্জ", "ভ্যাট", "স্ট্যাম্প", "ফরম", "চালান", "খরচ", "মাশুল", "ভাড়া",
                    "জামানত", "fee", "charge", "cost", "tax", "vat", "stamp", "form"]
FEE_CHARGE_WORDS_WHOLE = ["কর"]
# A stated total: the fee, never added to its parts.
FEE_TOTAL_WORDS = ["সর্বমোট", "সর্ব মোট", "মোট", "সর্বসাকুল্যে", "সর্বসাকুল্য", "total", "in total"]
# A price per unit, a share or a bound: the total depends on the case.
FEE_RATE_WORDS = ["হারে", "শতকরা", "ন্যূনতম", "সর্বনিম্ন", "সর্বোচ্চ", "minimum", "maximum", "rate", "প্রতিটি",
                  "প্রত্যেক"]
FEE_RATE_WORDS_WHOLE = ["প্রতি", "per", "each"]
# A price per one of these is the price of the service itself, not a rate (প্রতি আবেদন ৫০ টাকা).
FEE_SERVICE_UNITS = ["আবেদন", "সনদ", "সেবা", "লাইসেন্স", "পাসপোর্ট", "কার্ড", "ফরম", "নিবন্ধন", "বার", "টি", "জন",
                     "application", "certificate", "licence", "license", "service", "card", "form", "time",
                     "person", "passport"]
# A VAT note inside a fee ('(১৫% ভ্যাট সহ)') is no rate.
VAT_WORDS = ["ভ্যাট", "vat", "মূসক"]

# ---------------------------------------------------------------- time limits
# unit -> (words, days per unit); "immediate" has no number.
TIME_UNITS = [
    ("working_day", ["কার্যদিবস", "কার্য দিবস", "কার্য-দিবস", "কার্য্যদিবস", "কাযদিবস", "কর্ম-দিবস", "কর্মদিবস", "কর্ম দিবস", "working days", "working day",
                     "work days", "workdays", "business days"], 1),
    ("month", ["মাস", "months", "month"], 30),
    ("week", ["সপ্তাহ", "weeks", "week"], 7),
    ("year", ["বছর", "বৎসর", "years", "year"], 365),
    ("hour", ["ঘণ্টা", "ঘন্টা", "ঘন্টার", "ঘণ্টার", "hours", "hour", "hrs"], 1 / 24),
    ("minute", ["মিনিট", "minutes", "minute", "mins"], 1 / 1440),
    ("day", ["দিবস", "দিন", "days", "day"], 1),
]
# Periodicity words standing alone in a time cell ('মাসিক', 'বার্ষিক ভিত্তিতে') are durations;
# qualifying a noun ('মাসিক সভায় …') they are not.
PERIOD_WORDS = [("ত্রৈমাসিক", 90), ("ষাণ্মাসিক", 180), ("ষান্মাসিক", 180), ("অর্ধবার্ষিক", 180), ("বার্ষিক", 365),
                ("মাসিক", 30), ("সাপ্তাহিক", 7), ("পাক্ষিক", 15), ("দৈনিক", 1), ("quarterly", 90),
                ("half-yearly", 180), ("half yearly", 180), ("yearly", 365), ("annually", 365), ("annual", 365),
                ("monthly", 30), ("weekly", 7), ("fortnightly", 15), ("daily", 1)]
# Words that may stand beside a periodicity word without it qualifying a noun.
PERIOD_FILLERS = ["ভিত্তিতে", "ভিত্তিক", "ভাবে", "হিসেবে", "basis", "on", "a", "an"]
IMMEDIATE_WORDS = ["তাৎক্ষণিক", "তাৎক্ষনিক", "তাত্ক্ষণিক", "তাতক্ষণিক", "সাথে সাথে", "সঙ্গে সঙ্গে",
                   "সংগে সংগে", "তৎক্ষণাৎ", "immediately", "immediate", "instant", "on the spot"]
SAME_DAY_WORDS = ["একই দিনে", "একই দিন", "সেদিনই", "same day"]
NEXT_DAY_WORDS = ["পরবর্তী কার্যদিবস", "পরবর্তী কার্য দিবস", "পরের কার্যদিবস", "পরদিন", "পরের দিন",
                  "next working day", "next day"]
RANGE_WORDS = ["থেকে", "হতে", "to", "-", "–"]     # ৭-১০ কার্যদিবস, ৭ থেকে ১০ দিন

# Bangla number words that appear instead of, or beside, digits.
NUMBER_WORDS = {
    "এক": 1, "দুই": 2, "দু": 2, "তিন": 3, "চার": 4, "পাঁচ": 5, "ছয়": 6, "সাত": 7, "আট": 8, "নয়": 9,
    "দশ": 10, "এগার": 11, "এগারো": 11, "বার": 12, "বারো": 12, "তের": 13, "তেরো": 13, "চৌদ্দ": 14,
    "পনের": 15, "পনেরো": 15, "ষোল": 16, "সতের": 17, "আঠার": 18, "উনিশ": 19, "বিশ": 20, "কুড়ি": 20,
    "পঁচিশ": 25, "ত্রিশ": 30, "পঁয়তাল্লিশ": 45, "পঞ্চাশ": 50, "ষাট": 60, "নব্বই": 90, "একশত": 100, "একশ": 100,
    "দুইশত": 200, "দুইশ": 200, "তিনশত": 300, "পাঁচশত": 500, "পাঁচশ": 500, "এক হাজার": 1000, "হাজার": 1000,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30,
}

# ---------------------------------------------------------------- officers and contacts
PHONE_LABELS = ["ফোঃ", "ph", "মোবাইল নম্বর", "মোবাইল নং", "মোবাইল", "মোবা", "ফোন নম্বর", "ফোন নং", "ফোন", "টেলিফোন",
                "টেলি", "সেল", "mobile", "mob", "cell", "phone", "tel", "telephone"]
EMAIL_LABELS = ["ই-মেইল", "ইমেইল", "ই মেইল", "ইমেল", "e-mail", "email", "mail"]
FAX_LABELS = ["ফ্যাক্স", "fax"]
# 'নং' / 'নম্বর' written between a label and its number (ফ্যাক্স নং: …).
NUMBER_LABELS = ["নম্বর", "নং", "no.", "no"]
# Which line a number is, written in brackets after it: (অফিস), (বাসা), (office).
PHONE_QUALIFIERS = ["অফিস", "বাসা", "বাসভবন", "মোবাইল", "office", "home", "residence", "res", "mobile"]
HONORIFICS = ["জনাব", "বেগম", "mr.", "mrs.", "ms."]
# Words that open a person's name: a cell that gives the designation first
# ('উপজেলা কৃষি অফিসার মোঃ মাহমুদুল হাসান') is read by them.
NAME_PREFIXES = ["জনাব", "বেগম", "মোঃ", "মো:", "মোহাম্মদ", "মোছাঃ", "মোসাঃ", "ডাঃ", "ডা.", "md.", "md",
                 "mohammad", "dr.", "mr.", "mrs."]
# Words of Bangladeshi personal names (given names, family names, particles), common enough to
# tell a person's name from the words of a post ('নাসরিন আক্তার উপজেলা সমাজসেবা অফিসার' names a
# person; 'কর নির্ধারণ কর্মকর্তা' does not).
NAME_WORDS = ["মোঃ", "মো", "মোছাঃ", "মোসাঃ", "মোহাম্মদ", "মুহাম্মদ", "আব্দুল", "আবদুল", "আব্দুর", "আবদুর", "আবু", "মীর",
              "শেখ", "সৈয়দ", "খন্দকার", "কাজী", "ইসলাম", "রহমান", "রহিম", "করিম", "হোসেন", "হোসাইন", "হাসান",
              "হোসনে", "আলম", "আলী", "আহমেদ", "আহম্মেদ", "আহমদ", "উদ্দিন", "উদ্দীন", "উল্লাহ", "খান", "চৌধুরী",
              "মিয়া", "মিঞা", "হক", "কবির", "মাহমুদ", "রশিদ", "কামাল", "জামাল", "ফারুক", "মনির", "মিজান", "সাইফুল",
              "রফিক", "শফিক", "কামরুল", "রবিউল", "মাসুদ", "নুরুল", "জাহিদ", "জসিম", "সোহেল", "শাহীন", "শাহিন",
              "আলমগীর", "মামুন", "আরিফ", "আনোয়ার", "মোস্তফা", "মোস্তাফিজ", "জাকির", "জহুরুল", "মনিরুজ্জামান",
              "কামরুজ্জামান", "আক্তার", "আখতার", "খাতুন", "বেগম", "সুলতানা", "পারভীন", "নাসরিন", "জাহান", "ইয়াসমিন",
              "শারমিন", "তাসলিমা", "রুবিনা", "ফারহানা", "শাহানা", "নাহার", "আরা", "কুমার", "চন্দ্র", "নাথ", "দাস",
              "সাহা", "রায়", "পাল", "দেব", "ঘোষ", "বসু", "সেন", "চক্রবর্তী", "ভট্টাচার্য", "মন্ডল", "মণ্ডল", "বিশ্বাস",
              "সরকার", "সিকদার", "তালুকদার", "মজুমদার", "ভূঁইয়া", "ভূঞা", "ভুঁইয়া", "প্রামানিক", "বড়ুয়া", "চাকমা",
              "মারমা", "ত্রিপুরা", "md", "mohammad", "islam", "rahman", "hossain", "hasan", "alam", "ahmed", "uddin",
              "khan", "chowdhury", "akter", "akhter", "khatun", "begum", "sultana", "kumar", "das", "saha", "roy"]
# Field names typed into an officer cell: 'নাম: …, পদবি: …'.
FIELD_LABELS = ["নাম", "পদবি", "পদবী", "name", "designation"]

# Designations: an optional start word, up to five words of domain (উপজেলা
# *প্রাণিসম্পদ* কর্মকর্তা, Upazila *ICT* Officer), optional qualifiers, then a head word.
DESIGNATION_HEADS = [
    "প্রোগ্রামার", "অফিসার", "কর্মকর্তা", "কমিশনার", "পরিচালক", "মহাপরিচালক", "প্রকৌশলী", "সার্ভেয়ার",
    "নাজির", "ক্যাশিয়ার", "হিসাবরক্ষক", "হিসাব রক্ষক", "কোষাধ্যক্ষ", "নিরীক্ষক", "চেয়ারম্যান", "সচিব",
    "প্রশাসক", "ইউএনও", "অধ্যক্ষ", "উপাধ্যক্ষ", "প্রধান শিক্ষক", "শিক্ষক", "চিকিৎসক", "ডাক্তার", "সার্জন",
    "পরিদর্শক", "তত্ত্বাবধায়ক", "সুপারভাইজার", "রেজিস্ট্রার", "সাব-রেজিস্ট্রার", "মোহরার", "কানুনগো",
    "তহসিলদার", "অপারেটর", "সহকারী", "সহায়ক", "প্রভাষক", "ইঞ্জিনিয়ার", "উদ্যোক্তা", "স্টোর কিপার",
    "ব্যবস্থাপক", "ম্যানেজার", "কিউরেটর", "টেকনিশিয়ান", "টেকনোলজিস্ট", "ফার্মাসিস্ট", "নার্স", "সেবিকা",
    "লাইব্রেরিয়ান", "গ্রন্থাগারিক", "এসিল্যান্ড", "মুদ্রাক্ষরিক", "প্রশিক্ষক", "ইন্সট্রাক্টর", "সমন্বয়কারী",
    "কো-অর্ডিনেটর", "পরিসংখ্যানবিদ", "বিচারক", "ম্যাজিস্ট্রেট", "সভাপতি", "মেয়র", "কাউন্সিলর",
    "জেলা প্রশাসক", "উপজেলা নির্বাহী অফিসার", "কর্মী", "সহায়িকা", "পরিদর্শিকা", "প্রতিনিধি",
    "নিয়ন্ত্রক", "অফিসার ইনচার্জ", "ইনচার্জ", "আপা", "officer-in-charge", "controller",
    "পোস্টমাস্টার", "সুপার", "এনালিস্ট", "পরিদর্শক", "সার্জন", "সদস্য", "মেম্বার", "পুলিশ", "আদায়কারী",
    "প্রহরী", "বিশেষজ্ঞ", "এসিস্ট্যান্ট", "সহকারি", "দলিল লেখক", "চৌকিদার", "দফাদার",
    "programmer", "officer", "commissioner", "director", "engineer", "surveyor", "secretary",
    "chairman", "manager", "assistant", "inspector", "supervisor", "registrar", "operator", "surgeon",
    "instructor", "trainer", "coordinator", "accountant", "cashier", "librarian", "magistrate",
    "administrator", "superintendent", "principal", "head teacher", "teacher", "doctor",
]
DESIGNATION_STARTS = [
    "সহকারী", "উপ-সহকারী", "উপসহকারী", "উপ", "সিনিয়র", "জ্যেষ্ঠ", "অতিরিক্ত", "ভারপ্রাপ্ত", "প্রধান",
    "উপজেলা", "জেলা", "বিভাগীয়", "আঞ্চলিক", "ইউনিয়ন", "ইউপি", "পৌর", "থানা", "স্টেশন", "আবাসিক",
    "সিভিল", "সিস্টেম", "মোটরযান", "পুলিশ",
    "upazila", "district", "divisional", "union", "assistant", "deputy", "senior", "additional",
    "sub-assistant", "acting", "chief", "executive",
]
DESIGNATION_QUALIFIERS = [
    "নির্বাহী", "প্রশাসনিক", "হিসাব", "কৃষি", "মৎস্য", "প্রাণিসম্পদ", "ভেটেরিনারি", "সমাজসেবা", "শিক্ষা",
    "মাধ্যমিক", "প্রাথমিক", "স্বাস্থ্য", "পরিবার পরিকল্পনা", "সমবায়", "যুব উন্নয়ন", "মহিলা বিষয়ক",
    "প্রকল্প বাস্তবায়ন", "নির্বাচন", "আনসার ও ভিডিপি", "পল্লী উন্নয়ন", "ভূমি", "রাজস্ব", "তথ্য", "আইসিটি",
    "প্রোগ্রাম", "কারিগরি", "মেডিকেল", "ফিল্ড", "অফিস", "ইউনিয়ন ভূমি", "কম্পিউটার", "সমাজ",
    "executive", "ict", "medical", "veterinary", "field", "office", "programme", "program", "project",
]
# Text in the officer column that belongs to other columns (moved out and reported).
FOREIGN_IN_OFFICER = ["time_limit", "fee"]

# Words that make a part of an officer cell an office or address, not a person's name.
OFFICE_WORDS = ["অফিস", "কার্যালয়", "দপ্তর", "দফতর", "অধিদপ্তর", "অধিদফতর", "পরিদপ্তর", "মন্ত্রণালয়", "বিভাগ", "শাখা",
                "পরিষদ", "কমপ্লেক্স", "হাসপাতাল", "ভবন", "কক্ষ", "রুম", "তলা", "ইউনিট", "সেল", "কেন্দ্র", "পৌরসভা",
                "কর্পোরেশন", "করপোরেশন", "ব্যাংক", "বোর্ড", "কমিশন", "ব্যুরো", "কর্তৃপক্ষ", "office", "directorate",
                "ministry", "department", "branch", "section", "room", "floor", "building", "division", "unit"]
# Words that begin a fragment of an officer cell rather than a new officer:
# the tail of an address or a contact line spilled from the row above.
OFFICE_FRAGMENT_WORDS = ["অধিদপ্তর", "অধিদফতর", "কার্যালয়", "উপজেলা", "জেলা", "বাংলাদেশ", "office"]

# Grievance-system roles written before the person in a GRS contact cell.
GRS_ROLES = ["অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)", "অভিযোগ নিষ্পত্তি কর্মকর্তা", "আপিল কর্মকর্তা", "অনিক",
             "grievance redress officer", "appeal officer", "appellate officer", "gro"]

# A full-width row inside a service table naming one of these is a sub-heading (a
# pourashava's প্রশাসন বিভাগ / প্রকৌশল বিভাগ), not a service: the rows under it carry it.
SUBHEADING_WORDS = ["বিভাগ", "শাখা", "সেল", "ইউনিট", "উইং", "অনুবিভাগ", "অধিশাখা", "দপ্তর", "কার্যালয়", "সংক্রান্ত",
                    "কার্যক্রম", "department", "section", "branch", "wing", "unit", "cell"]
# Words of a sub-row that names only its variant ((ক) সাধারণ), so the parent's name goes first.
VARIANT_WORDS = ["সাধারণ", "সাধারন", "জরুরি", "জরুরী", "অতি জরুরি", "অতি জরুরী", "নতুন", "নবায়ন", "প্রথমবার",
                 "দ্বিতীয়বার", "ফি", "regular", "urgent", "express", "super express", "normal", "new", "renewal",
                 "ordinary", "fee"]

# Ditto marks: "same as above" in a cell.
DITTO_MARKS = ["ঐ", "-ঐ-", "ঐ-", "-ঐ", "ঐঐ", "\"", "〃", "”", "“", "do", "-do-", "ditto"]

# Delivery-method list markers like "১।", "1.", "(ক)".
LIST_MARKER_LETTERS = "কখগঘঙচছজঝঞ"
# Sub-rows of an English charter, bracketed only ('(a)'): a bare 'a.' opens too many sentences.
LATIN_MARKER_LETTERS = "abcdefgh"

# ---------------------------------------------------------------- portal pages
# Text of the national portal's page furniture (menus, share buttons, credits),
# never part of a charter.
PORTAL_CHROME = ["পরিকল্পনা ও বাস্তবায়নে", "কারিগরি সহায়তায়", "সাইটটি শেষ হাল-নাগাদ করা হয়েছে",
                 "শেষ হাল-নাগাদ", "প্রিন্ট", "শেয়ার করুন", "মেনু নির্বাচন করুন", "এক্সেসিবিলিটি",
                 "জাতীয় তথ্য বাতায়ন", "কেন্দ্রীয় ই-সেবা", "ডাউনলোড", "হট লাইন", "share", "print",
                 "skip to content", "কনটেন্টটি শেয়ার করতে ক্লিক করুন", "নোটিশ বোর্ড", "সকল নোটিশ",
                 "জরুরি হটলাইন"]

# Column roles of the usual layouts, for a table whose header row is missing
# (a table continued on a page without a repeated header, a cropped copy).
DEFAULT_LAYOUTS = {
    7: ["serial", "service_name", "method", "documents", "fee", "time_limit", "officer"],
    # The older format: the superior officer has its own column.
    8: ["serial", "service_name", "time_limit", "documents", "forms_location", "fee", "officer",
        "superior_officer"],
}
GRIEVANCE_LAYOUT = ["serial", "when", "officer", "address", "resolution"]

# ================================================================ audit (consistency rules, catalogue)
# Tables of the audit stage (pipeline/audit/, pipeline/catalogue.py). Matched on
# folded text like the tables above.

# Office types, in matching priority over the office name and department: the
# first type any of whose words the title block holds wins. Specific offices come
# before the authorities they sit under (an ICT office of a directorate is ict),
# and the upazila health complex (স্বাস্থ্য ও পরিবার পরিকল্পনা) before family planning.
OFFICE_TYPES = [
    ("land", ["সহকারী কমিশনার (ভূমি)", "সহকারী কমিশনার ভূমি", "সহঃকমিশনার (ভূমি)", "এসি ল্যান্ড", "ভূমি অফিস",
              "ভূমি কার্যালয়", "land office", "assistant commissioner (land)", "ac land"]),
    ("ict", ["তথ্য ও যোগাযোগ প্রযুক্তি", "আইসিটি", "ict"]),
    ("health", ["স্বাস্থ্য ও পরিবার পরিকল্পনা কর্মকর্তা", "স্বাস্থ্য কমপ্লেক্স", "সিভিল সার্জন", "হাসপাতাল",
                "health complex", "civil surgeon", "hospital"]),
    ("family_planning", ["পরিবার পরিকল্পনা", "family planning"]),
    ("agriculture", ["কৃষি সম্প্রসারণ", "কৃষি অফিস", "কৃষি অফিসার", "কৃষি বিপণন", "agriculture", "agricultural"]),
    ("livestock", ["প্রাণিসম্পদ", "প্রাণী সম্পদ", "ভেটেরিনারি", "livestock", "veterinary"]),
    ("fisheries", ["মৎস্য", "fisheries"]),
    ("social_services", ["সমাজসেবা", "সমাজ সেবা", "social services", "social welfare"]),
    ("education_secondary", ["মাধ্যমিক শিক্ষা", "secondary education"]),
    ("education_primary", ["প্রাথমিক শিক্ষা", "primary education"]),
    ("education", ["শিক্ষা অফিস", "শিক্ষা কর্মকর্তা", "শিক্ষা প্রকৌশল", "education"]),
    ("passport", ["পাসপোর্ট", "passport"]),
    ("savings", ["সঞ্চয় অধিদপ্তর", "সঞ্চয় অফিস", "জাতীয় সঞ্চয়", "savings"]),
    ("lged", ["স্থানীয় সরকার প্রকৌশল", "এলজিইডি", "lged"]),
    ("pio", ["প্রকল্প বাস্তবায়ন", "project implementation"]),
    ("rural_development", ["পল্লী উন্নয়ন", "বিআরডিবি", "rural development", "brdb"]),
    ("cooperative", ["সমবায়", "cooperative"]),
    ("youth", ["যুব উন্নয়ন", "youth development"]),
    ("women_affairs", ["মহিলা বিষয়ক", "women affairs"]),
    ("election", ["নির্বাচন অফিস", "নির্বাচন কমিশন", "election"]),
    ("union_parishad", ["ইউনিয়ন পরিষদ", "ইউপি", "union parishad"]),
    ("pourashava", ["পৌরসভা", "pourashava", "municipality"]),
    ("city_corporation", ["সিটি কর্পোরেশন", "city corporation"]),
    ("zila_parishad", ["জেলা পরিষদ", "zila parishad", "hill district council", "পার্বত্য জেলা পরিষদ"]),
    ("uno", ["উপজেলা নির্বাহী অফিসার", "ইউএনও", "upazila nirbahi officer"]),
    ("upazila_parishad", ["উপজেলা পরিষদ", "upazila parishad"]),
    ("deputy_commissioner", ["জেলা প্রশাসক", "deputy commissioner"]),
    ("ministry", ["মন্ত্রণালয়", "ministry"]),
    ("directorate", ["অধিদপ্তর", "অধিদফতর", "পরিদপ্তর", "directorate", "department"]),
]

# Words a service name carries in one charter and not in the next without naming
# another service ("… সনদ প্রদান", "… সংক্রান্ত সেবা"): dropped before names are compared.
SERVICE_NAME_NOISE = ["সংক্রান্ত", "প্রদান", "প্রদানের", "সেবা", "সেবাসমূহ", "বিষয়ক", "বিষয়ে", "জন্য", "এর",
                      "ও", "এবং", "আবেদন", "issue", "of", "the", "and", "for", "service", "services"]

# Words that mean the same in service names ('মিস কেস' is 'বিবিধ মামলা'): word -> the word it is read as.
SERVICE_WORD_SYNONYMS = {"মোকদ্দমা": "মামলা", "কেস": "মামলা", "কেসের": "মামলার", "মিস": "বিবিধ",
                         "বন্দোবস্তি": "বন্দোবস্ত", "সনদপত্র": "সনদ", "case": "মামলা"}

# Curated service synonyms for the common services of each office type:
# (key, canonical name, names seen in charters). A service name that reads like
# one of them (catalogue.SIMILAR) takes its key; other names are clustered.
SERVICE_SYNONYMS = {
    "land": [
        ("mutation", "নামজারি ও জমাভাগ", ["নামজারি", "নামজারি ও জমাভাগ", "নামজারী ও জমা ভাগ", "নামজারি জমাখারিজ",
                                           "নামজারি ও জমাখারিজ", "জমাখারিজ", "মিউটেশন", "mutation"]),
        ("mutation_copy", "নামজারি মামলার আদেশের নকল প্রদান", ["নামজারি কেসের আদেশের নকল", "নামজারি মামলার আদেশের নকল",
                                                             "আদেশের সার্টিফাইড কপি"]),
        ("duplicate_khatian", "ডুপ্লিকেট খতিয়ান/পর্চা প্রদান", ["ডুপ্লিকেট পর্চা", "ডুপ্লিকেট খতিয়ান",
                                                               "নামজারি ও জমাভাগ কেসের ডুপ্লিকেট পর্চা"]),
        ("land_tax", "ভূমি উন্নয়ন কর আদায়", ["ভূমি উন্নয়ন কর আদায়", "ভূমি উন্নয়ন কর গ্রহণ", "খাজনা আদায়",
                                            "ভূমি উন্নয়ন কর"]),
        ("khas_settlement", "কৃষি খাস জমি বন্দোবস্ত", ["কৃষি খাস জমি বন্দোবস্ত", "খাস জমি বন্দোবস্ত",
                                                      "খাস জমি বন্দোবস্তি"]),
        ("misc_case", "বিবিধ (মিস) মামলা নিষ্পত্তি", ["মিস কেস", "বিবিধ মামলা", "মিস মামলা নিষ্পত্তি"]),
        ("certificate_case", "সার্টিফিকেট মামলা", ["সার্টিফিকেট মামলা", "সার্টিফিকেট কেস", "সার্টিফিকেট মোকদ্দমা"]),
        ("acquisition_compensation", "অধিগ্রহণকৃত জমির ক্ষতিপূরণ", ["ক্ষতিপূরণ প্রদান", "অধিগ্রহণের ক্ষতিপূরণ"]),
    ],
    "union_parishad": [
        ("birth_death_registration", "জন্ম ও মৃত্যু নিবন্ধন", ["জন্ম ও মৃত্যু নিবন্ধন", "জন্ম নিবন্ধন",
                                                             "জন্ম মৃত্যু নিবন্ধন"]),
        ("citizenship_certificate", "নাগরিকত্ব সনদ", ["নাগরিকত্ব সনদ", "নাগরিকত্ব সনদপত্র", "নাগরিক সনদ"]),
        ("heir_certificate", "ওয়ারিশ সনদ", ["ওয়ারিশ সনদ", "ওয়ারিশান সনদ", "উত্তরাধিকার সনদ"]),
        ("trade_licence", "ট্রেড লাইসেন্স", ["ট্রেড লাইসেন্স", "নতুন ট্রেড লাইসেন্স"]),
        ("trade_licence_renewal", "ট্রেড লাইসেন্স নবায়ন", ["ট্রেড লাইসেন্স নবায়ন"]),
        ("holding_tax", "হোল্ডিং কর", ["হোল্ডিং কর", "কর পরিশোধ", "বসতবাড়ির কর"]),
        ("village_court", "গ্রাম আদালত", ["গ্রাম আদালতে বিচার", "গ্রাম আদালত"]),
        ("safety_net_selection", "সামাজিক নিরাপত্তা কর্মসূচির উপকারভোগী নির্বাচন", ["উপকারভোগী নির্বাচন",
                                                                                 "ভাতাভোগী নির্বাচন"]),
    ],
    "agriculture": [
        ("advice", "কৃষি বিষয়ক পরামর্শ", ["কৃষি পরামর্শ", "কৃষি বিষয়ক পরামর্শ", "ফসল উৎপাদন বিষয়ক পরামর্শ",
                                         "কৃষকদের পরামর্শ"]),
        ("pest_control", "বালাই ব্যবস্থাপনা পরামর্শ", ["বালাই ব্যবস্থাপনা", "বালাইনাশক", "পোকামাকড় দমন",
                                                       "রোগবালাই দমন"]),
        ("fertiliser_licence", "সার ডিলার লাইসেন্স", ["সার ডিলার", "সারের ডিলারশিপ", "সার লাইসেন্স"]),
        ("pesticide_licence", "বালাইনাশক ডিলার লাইসেন্স", ["বালাইনাশক লাইসেন্স", "বালাইনাশক ডিলারশিপ"]),
        ("soil_test", "মাটি পরীক্ষা", ["মাটি পরীক্ষা", "মৃত্তিকা পরীক্ষা"]),
        ("incentive", "কৃষি প্রণোদনা ও পুনর্বাসন", ["প্রণোদনা", "পুনর্বাসন", "কৃষি প্রণোদনা"]),
        ("training", "কৃষক প্রশিক্ষণ", ["কৃষক প্রশিক্ষণ", "প্রশিক্ষণ"]),
        ("farmer_card", "কৃষি উপকরণ সহায়তা কার্ড", ["কৃষি উপকরণ সহায়তা কার্ড", "কৃষক কার্ড"]),
    ],
    "ict": [
        ("information", "অফিস সংক্রান্ত তথ্য প্রদান", ["সংক্রান্ত তথ্য", "অফিস সংক্রান্ত তথ্য"]),
        ("ict_advice", "আইসিটি পণ্য ও সেবার পরামর্শ", ["আইসিটি সংশ্লিষ্ট পণ্য ও সেবার বিষয়ে পরামর্শ",
                                                      "আইসিটি বিষয়ক পরামর্শ"]),
        ("project_information", "প্রকল্পের তথ্য প্রদান", ["প্রকল্পের তথ্য"]),
        ("training", "আইসিটি প্রশিক্ষণ", ["আইসিটি প্রশিক্ষণ", "কম্পিউটার প্রশিক্ষণ"]),
    ],
    "passport": [
        ("e_passport", "ই-পাসপোর্ট ইস্যু", ["ই-পাসপোর্ট", "ইলেকট্রনিক পাসপোর্ট", "e-passport"]),
        ("mrp", "মেশিন রিডেবল পাসপোর্ট", ["মেশিন রিডেবল পাসপোর্ট", "এমআরপি", "mrp"]),
        ("reissue", "পাসপোর্ট রি-ইস্যু", ["রি-ইস্যু", "পুনঃ ইস্যু", "নবায়ন"]),
    ],
    "social_services": [
        ("old_age_allowance", "বয়স্ক ভাতা", ["বয়স্ক ভাতা"]),
        ("widow_allowance", "বিধবা ও স্বামী নিগৃহীতা ভাতা", ["বিধবা ভাতা", "বিধবা ও স্বামী নিগৃহীতা ভাতা",
                                                            "স্বামী পরিত্যক্তা ভাতা"]),
        ("disability_allowance", "প্রতিবন্ধী ভাতা", ["প্রতিবন্ধী ভাতা", "অসচ্ছল প্রতিবন্ধী ভাতা"]),
        ("disability_stipend", "প্রতিবন্ধী শিক্ষা উপবৃত্তি", ["প্রতিবন্ধী শিক্ষার্থীদের উপবৃত্তি",
                                                             "প্রতিবন্ধী শিক্ষা উপবৃত্তি"]),
        ("microcredit", "পল্লী সমাজসেবা ক্ষুদ্রঋণ", ["ক্ষুদ্রঋণ", "সুদমুক্ত ঋণ", "আরএসএস"]),
    ],
}

# Foreign place names (another office's upazila or district in a charter's cells):
# a gazetteer name counts only next to one of these words or after a comma, where
# an address puts it; the capital is every office's head-office address.
PLACE_CONTEXT_WORDS = ["উপজেলা", "জেলা", "থানা", "সদর", "upazila", "district", "zila",
                       "thana", "sadar"]
CAPITAL_NAMES = ["ঢাকা", "dhaka"]
# A place name before these is a union or a municipality, many of which share an upazila's name.
LOCAL_BODY_WORDS = ["ইউনিয়ন", "ইউপি", "পৌরসভা", "union", "pourashava"]

# Look-alike or misplaced code points typed for a Bengali letter: (text, meant, what it is).
LOOKALIKE_CHARACTERS = [
    ("\u09f0", "র", "Assamese ra U+09F0"),
    ("\u09f1", "ব", "Assamese wa U+09F1"),
    ("\u0985\u09be", "আ", "a + aa sign (U+0985 U+09BE)"),
    ("\u098f\u09c7", "ঐ", "e + e sign (U+098F U+09C7)"),
]

# The documents column: what names a document, and what names only a place
# (an office where the form is had, not a paper to bring).
DOCUMENT_WORDS = ["আবেদন", "ফরম", "ফর্ম", "কপি", "সনদ", "ছবি", "পত্র", "কাগজ", "দলিল", "রশিদ", "প্রমাণ",
                  "পরিচয়পত্র", "খতিয়ান", "পর্চা", "নকশা", "চালান", "প্রত্যয়ন", "লাইসেন্স", "তালিকা",
                  "জাতীয়", "এনআইডি", "নিবন্ধন", "প্রতিবেদন", "হলফনামা", "ছক", "প্রয়োজন নেই", "প্রযোজ্য নয়",
                  "nid", "form", "copy", "certificate", "photo", "application", "document"]
# Of those, the words that name a paper and never a way of delivering, with the labels of where to
# get it: a paragraph with one reads as documents ('সরাসরি অফিসে আবেদন', 'কাগজপত্র যাচাই' are methods).
NAMES_A_STEP_TOO = ["আবেদন", "ফরম", "ফর্ম", "কাগজ", "চালান", "লাইসেন্স", "তালিকা", "জাতীয়", "নিবন্ধন", "প্রতিবেদন",
                    "ছক", "প্রয়োজন নেই", "প্রযোজ্য নয়", "form", "application", "document"]
PAPER_WORDS = [w for w in DOCUMENT_WORDS if w not in NAMES_A_STEP_TOO] + \
    ["প্রাপ্তিস্থান", "প্রাপ্তি স্থান", "available at", "copies", "photograph"]
PLACE_ONLY_WORDS = ["অফিস", "কার্যালয়", "দপ্তর", "দফতর", "শাখা", "কক্ষ", "পরিষদ", "ভবন", "কমপ্লেক্স",
                    "office", "room", "branch"]
