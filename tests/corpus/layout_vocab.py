"""Vocabulary of the layout generator (``layouts.py``): data only.

Every header wording names where it was seen:
  "03", "lakhai", …  a file of /work/shared/realdata (by its number) or the Lakhai sample;
  "web:<host>"       a stored public portal page (the search tool's ``pages`` corpus, read 2026-12);
  "specs"            the synthetic corpus's own English headers (specs.py);
  "brief"            asked for by the generator's brief, not seen on a real page.
A header may hold "\\n": a line break the charter itself puts inside the header cell.

Pools are ordered lists. The split rule (``layouts.split_pool``) works on positions, so the order
of a pool decides which of its variants are held out: append new variants, do not reorder.
"""
from .specs import DOCUMENTS_BN, INSTITUTIONAL_BN, INTERNAL_BN, METHODS_BN, OFFICE_EN, OFFICES_BN

# --------------------------------------------------------------------------
# Header wordings per column role
# --------------------------------------------------------------------------

HEADERS_BN = {
    "serial": [
        ("ক্রমিক নং", ("lakhai", "03", "16", "21", "35", "39")),
        ("ক্র. নং", ("01", "04", "06", "17")),
        ("ক্র: নং", ("02",)),
        ("ক্রঃ নং", ("41", "44", "web:savings.netrokona.gov.bd")),
        ("ক্র/নং", ("49",)),
        ("ক্রম:নং", ("45",)),
        ("ক্রম", ("30", "38")),
        ("রমিক নং", ("37",)),
        ("ক্রমিক", ("05", "web:lged.shariatpur.gov.bd")),
        ("ক্রঃ", ("36",)),
        ("ক্রঃ\nনং", ("33",)),
        ("ক্র নং", ("web:nariamunicipality.portal.gov.bd",)),
    ],
    "name": [
        ("সেবার নাম", ("lakhai", "01", "02", "03", "04", "05", "06", "44")),
        ("সেবাসমূহ", ("36", "41")),
        ("সেবার মান", ("39",)),
        ("সেবার ধরন", ("21",)),
        ("সেবা সমূহ", ("web:brahmanbaria.gov.bd", "web:singramunicipality.gov.bd")),
        ("প্রদেয় সেবা/সুবিধা", ("30",)),
        ("সেবার বিবরণ", ("40", "web:nariamunicipality.portal.gov.bd")),
        ("সেবাসমূহ/সেবার নাম", ("14",)),
        ("সেবার খাতসমূহ", ("web:doailup.jamalpur.gov.bd",)),
        ("সেবার ধরণ", ("web:srbalaganj.balaganj.sylhet.gov.bd",)),
        ("সেবা সমূহের বিবরণ", ("web:barisalsadar.barisal.gov.bd",)),
    ],
    "method": [
        ("সেবা প্রদান পদ্ধতি", ("lakhai", "01", "02", "04", "44", "45", "46")),
        ("সেবা প্রদানের পদ্ধতি", ("14", "37")),
        ("সেবা প্রদান পদ্ধত্তি", ("05",)),
        ("সেবা প্রদান পদ্ধতি/মাধ্যম", ("06",)),
        ("সেবা সরবরাহ/সেবা প্রাপ্তির প্রক্রিয়া", ("41", "11")),
        ("নাগরিকগণ যেভাবে সেবা/সুবিধা পাবেন", ("30",)),
        ("সেবার পাওয়ার প্রক্রিয়া", ("web:doailup.jamalpur.gov.bd",)),
        ("সেবা সরবরাহ/ প্রক্রিয়া", ("web:brahmanbaria.gov.bd",)),
        ("সেবা পদ্ধতি", ("web:nariamunicipality.portal.gov.bd",)),
        ("সেবার পদ্ধতি", ("web:sadar.khagrachhari.gov.bd",)),
    ],
    # documents AND where to get them, in one column
    "documents": [
        ("প্রয়োজনীয় কাগজপত্র এবং প্রাপ্তিস্থান", ("01", "02", "04", "05")),
        ("প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান", ("32",)),
        ("প্রয়োজনীয় কাগজপত্র ও প্রাপ্তির স্থান", ("06",)),
        ("প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিষ্ঠান", ("lakhai",)),
        ("প্রয়োজনীয় কাগজপত্র\nএবং প্রাপ্তি স্থান", ("web:skh.portal.gov.bd",)),
        ("প্রযোজনীয় কাগজপত্র এবং প্রাপ্তিস্থান", ("45",)),
    ],
    # documents only: the older 8-column format and the split (documents | where) layout
    "documents_only": [
        ("প্রয়োজনীয় কাগজপত্র", ("03", "08", "38", "39", "44", "46")),
        ("প্রযোজনীয় কাগজপত্র", ("45",)),
    ],
    "doc_place": [
        ("প্রয়োজনীয় কাগজপত্র প্রাপ্তির স্থান", ("44", "46")),
        ("প্রযোজনীয় কাগজপত্র প্রাপ্তির স্থান", ("45",)),
    ],
    "form_source": [
        ("আবেদন ফরম প্রাপ্তিস্থান", ("03",)),
        ("প্রয়োজনীয় কাগজপত্র/ আবেদন ফরম প্রাপ্তির স্থান", ("38", "39")),
        ("কাগজপত্র/ আবেদন  ফরম প্রাপ্তির স্থান", ("08",)),
        ("প্রয়োজনীয় কাগজপত্র/ আবেদন ফরম প্রাপ্তিস্থান", ("web:lged.shariatpur.gov.bd",)),
    ],
    "fee": [
        ("সেবার মূল্য এবং পরিশোধ পদ্ধতি", ("01", "02", "04")),
        ("সেবামূল্য এবং পরিশোধ পদ্ধতি", ("05", "33", "44")),
        ("সেবার মূল্যএবং পরিশোধ পদ্ধতি", ("45",)),
        ("সেবার মূল্য ও পরিশোধ পদ্ধতি", ("06", "32", "lakhai")),
        ("সেবামূল্য এবং পরিশোধ পদ্ধতি (যদি থাকে)", ("03", "39", "49")),
        ("সেবার মুল্য এবং পরিশোধ পদ্ধতি", ("46",)),
        ("সেবা মূল্য ও পরিশোধ পদ্ধতি ( যদি থাকে )", ("08",)),
        ("সেবার মূল্য", ("11", "41")),
        ("মূল্য", ("21",)),
        ("আথিক সুবিধাদি /service charge/", ("16",)),
        ("সেবা/ আবেদন ফরমের মূল্য", ("web:singramunicipality.gov.bd",)),
    ],
    "time": [
        ("সেবা প্রদানের সময়সীমা", ("lakhai", "01", "02", "04", "44")),
        ("সেবা প্রদানের সর্বোচ্চ সময়", ("03", "38", "39")),
        ("প্রয়োজনীয় সর্বোচ্চ সময়\n(ঘন্টা/দিন/মাস)", ("08",)),
        ("সেবা প্রদানের সর্বোচ্চ সময়সীমা", ("49",)),
        ("কত সময় প্রয়োজন", ("21",)),
        ("সেবা প্রাপ্তির সময়", ("14",)),
        ("সময়সীমা", ("41", "web:singramunicipality.gov.bd")),
        ("সেবা প্রদানের সময়", ("33",)),
        ("সময়/বরাদ্দ", ("brief",)),
        ("সেবা প্রাপ্তির জন্য প্রয়োজনীয় সময়", ("16",)),
        ("সময় সীমা", ("web:brahmanbaria.gov.bd",)),
        ("সময়", ("36", "web:nariamunicipality.portal.gov.bd")),
    ],
    "officer": [
        ("দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, ফোন নম্বর ও ইমেইল)", ("01",)),
        ("দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, ফোন ও ই-মেইল)", ("02",)),
        ("দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবী, ফোন নম্বর ও ই-মেইল)", ("05",)),
        ("দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, মোবাইল নম্বর ও ইমেইল)", ("lakhai",)),
        ("দায়িত্বপ্রাপ্ত কর্মকর্তা\n(নাম, পদবী, ফোন নম্বর ও ই-মেইল)", ("32",)),
        ("দায়িত্বপ্রাপ্ত কর্মকর্তা নাম ,পদবী,ফোন নম্বর", ("45",)),
        ("দায়িত্বপ্রাপ্ত কর্মকর্তা (পদবি, ফোন নম্বর ও ইমেইল)", ("06",)),
        ("দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, ফোন ও ইমেইল)", ("44",)),
        ("শাখার দায়িত্বপ্রাপ্ত কর্মকর্তার পদবী, কক্ষ নং, অফিসিয়াল টেলিফোন ও ই-মেইল", ("03",)),
        ("দায়িত্ব প্রাপ্ত কর্মকর্তা /কর্মচারী", ("41",)),
        ("দায়িত্বপ্রাপ্ত কর্মকর্তাকর্মচারীর নাম/পদবি", ("14",)),
        ("কার সাথে যোগাযোগ করতে হবে", ("21",)),
        ("দায়িত্ব প্রাপ্ত ব্যক্তি", ("web:doailup.jamalpur.gov.bd",)),
        ("যাঁর সাথে যোগাযোগ করবেন", ("30",)),
        ("সেবা প্রদানকারীর পদবী ও ফোন নম্বর", ("38",)),
        ("দায়িত্ব প্রাপ্ত ব্যাক্তি", ("web:nariamunicipality.portal.gov.bd",)),
        ("সেবা দানকারী কর্মকর্তার পদবী ও ঠিকানা", ("web:srbalaganj.balaganj.sylhet.gov.bd",)),
        ("সেবা প্রদান কারী", ("16",)),
        ("শাখার নাম সহদায়িত্বপ্রাপ্ত কর্মকর্তার পদবী, রুম নম্বর, জেলা/উপজেলার কোড, অফিসিয়াল টেলিফোন ও ই-মেইল",
         ("39",)),
    ],
    # a grouped header over the officer's sub-columns (নাম | পদবি | ফোন | ইমেইল)
    "officer_group": [
        ("দায়িত্বপ্রাপ্ত কর্মকর্তা", ("32", "brief")),
        ("দায়িত্ব প্রাপ্ত কর্মকর্তা/কর্মচারী", ("web:skh.portal.gov.bd",)),
        ("দায়িত্বপ্রাপ্ত কর্মকর্তার বিবরণ", ("brief",)),
    ],
    "o_name": [("নাম", ("01", "02", "05"))],
    "o_designation": [("পদবি", ("01", "02")), ("পদবী", ("05", "32")), ("পদবি ও কার্যালয়", ("brief",))],
    "o_phone": [("ফোন নম্বর", ("01", "05")), ("মোবাইল নম্বর", ("lakhai",)), ("টেলিফোন/ মোবাইল নম্বর", ("08",)),
                ("ফোন", ("02",))],
    "o_email": [("ইমেইল", ("01", "lakhai")), ("ই-মেইল", ("02", "05"))],
    "superior": [
        ("ঊর্ধ্বতন কর্মকর্তা", ("33",)),
        ("উর্ধ্বতন কর্মকর্তার পদবি, কক্ষ নং, অফিসিয়াল টেলিফোন ও ই-মেইল", ("03",)),
        ("উর্দ্ধতন কর্মকর্তার  পদবী, রুম নম্বর, বাংলাদেশের কোড সহ টেলিফোন/ মোবাইল নম্বর, ই-মেইল", ("08",)),
        ("উর্ধ্বতন কর্মকর্তার পদবী, রুমনম্বর, জেলা/উপজেলার কোড, অফিসিয়াল টেলিফোন ও ই-মেইল", ("39",)),
        ("উর্ধ্বতন কর্তৃপক্ষ", ("web:sr.jaintiapur.sylhet.gov.bd",)),
        ("উধ্বর্তন কর্মকর্তার পদবি. রুম নম্বর,জেলা/ উপজেলার কোড,অফিসিয়াল টেলিফোন ও ই-মেইল", ("49",)),
        ("ঊর্ধ্বতন কর্মকর্তার পদবি, রুম নম্বর, জেলা/উপজেলার কোডসহ অফিসিয়াল টেলিফোন ও ইমেইল",
         ("web:skh.portal.gov.bd",)),
        ("প্রতিকার বিধানে নিয়োজিত কর্মকর্তা", ("36",)),
        ("উর্দ্ধতন কর্তৃপক্ষ", ("web:srbalaganj.balaganj.sylhet.gov.bd",)),
        ("নির্দিষ্ট সেবা পেতে ব্যর্থ হলে প্রতিকারের বিধান", ("16",)),
        ("সেবা প্রাপ্তিতে বিলম্ব বা হয়রানী হলে যাঁকে জানাবেন", ("30",)),
        ("নিদির্ষ্ট সেবা প্রদানে ব্যর্থ হলে প্রতিকারের বিধান", ("37",)),
    ],
    "room": [("কক্ষ নং", ("web:nariamunicipality.portal.gov.bd", "03")), ("রুম নম্বর", ("08", "39")),
             ("কক্ষ নম্বর", ("brief",))],
    "remarks": [("মন্তব্য", ("web:nariamunicipality.portal.gov.bd",))],
    "recipient": [("সেবাগ্রহীতা", ("36",)), ("সেবা গ্রহীতা", ("web:urc.babuganj.barisal.gov.bd",)),
                  ("উপকারভোগী", ("web:sadar.khagrachhari.gov.bd",)), ("সেবা গ্রাহী", ("40",))],
    "place": [("সেবা প্রদানের স্থান", ("27", "web:barisalsadar.barisal.gov.bd")), ("যেখানে পাওয়া যাবে", ("16",)),
              ("স্থান", ("36",))],
    "frequency": [("কতজন সেবাগ্রহনকারী মাসে সেবা নিয়ে থাকেন(freqency)", ("16",))],
    "todo": [("সেবা পেতে আপনাকে যা করতে হবে", ("brief",))],
}

HEADERS_EN = {
    "serial": [("Serial No.", ("specs",)), ("serial no", ("32",)), ("Sr. No.", ("web:magurasadar.magura.gov.bd",))],
    "name": [("Name of Service", ("specs",)), ("Service Name", ("32",)),
             ("Name of service", ("web:magurasadar.magura.gov.bd",))],
    "method": [("Method of Service Delivery", ("specs",)),
               ("Methods of service delivery", ("web:magurasadar.magura.gov.bd",))],
    "documents": [("Required Documents and Where to Get Them", ("specs",))],
    "fee": [("Service Charge and Payment Method", ("specs",))],
    "time": [("Time Limit", ("specs",)), ("Service delivery deadline", ("web:magurasadar.magura.gov.bd",))],
    "officer": [("Responsible Officer (Name, Designation, Phone and Email)", ("specs",))],
    "place": [("Place of service", ("web:magurasadar.magura.gov.bd",))],
}

# --------------------------------------------------------------------------
# Column orders seen in real charters ("families")
# --------------------------------------------------------------------------

# name -> (roles in order, language, where seen). "documents" is the combined column; the older
# formats' "documents_only" sits beside a form-source column, the passport layout's beside "doc_place".
FAMILIES = [
    ("standard7", ["serial", "name", "method", "documents", "fee", "time", "officer"], "bn",
     ("lakhai", "01", "02", "04", "05", "06")),
    ("older8", ["serial", "name", "time", "documents_only", "form_source", "fee", "officer", "superior"], "bn",
     ("03", "08", "39", "web:lged.shariatpur.gov.bd")),
    ("zila5", ["serial", "name", "method", "officer", "superior"], "bn", ("30",)),
    ("passport8", ["serial", "name", "method", "documents_only", "doc_place", "fee", "time", "officer"], "bn",
     ("44", "45")),
    ("union5", ["serial", "name", "fee", "time", "officer"], "bn", ("21",)),
    ("registry5", ["serial", "name", "time", "officer", "superior"], "bn",
     ("web:srbalaganj.balaganj.sylhet.gov.bd", "web:sr.jaintiapur.sylhet.gov.bd")),
    ("pourashava6", ["serial", "name", "method", "fee", "time", "officer"], "bn",
     ("41", "web:brahmanbaria.gov.bd", "web:singramunicipality.gov.bd")),
    ("land4", ["name", "method", "time", "officer"], "bn", ("14",)),
    ("family8", ["serial", "name", "place", "officer", "time", "frequency", "fee", "superior"], "bn", ("16",)),
    ("savings7", ["serial", "name", "method", "time", "documents", "fee", "superior"], "bn", ("49",)),
    ("pourashava9", ["serial", "name", "method", "documents_only", "time", "fee", "room", "officer", "remarks"],
     "bn", ("web:nariamunicipality.portal.gov.bd",)),
    ("social6", ["serial", "name", "place", "recipient", "time", "superior"], "bn", ("36",)),
    ("education6", ["serial", "name", "time", "documents_only", "form_source", "officer"], "bn", ("38",)),
    ("english7", ["serial", "name", "method", "documents", "fee", "time", "officer"], "en", ("specs", "32")),
    ("superior8", ["serial", "name", "method", "documents", "fee", "time", "officer", "superior"], "bn",
     ("33", "web:skh.portal.gov.bd")),
    ("english5", ["serial", "name", "time", "method", "place"], "en", ("web:magurasadar.magura.gov.bd",)),
]
# Columns a family may gain (after the role named, or at the end), as real tables add them.
OPTIONAL_COLUMNS = [("todo", "method"), ("recipient", "name"), ("room", "officer"), ("remarks", None)]

# --------------------------------------------------------------------------
# Serials, number rows, ditto marks
# --------------------------------------------------------------------------

# (template, digits, zero-padded, where seen); the template holds the number.
SERIAL_STYLES_BN = [
    ("{}", "bn", False, ("lakhai", "01", "03", "41")),
    ("{}.", "bn", False, ("05", "30")),
    ("({})", "bn", False, ("brief",)),
    ("{}", "bn", True, ("21", "39", "49")),
    ("{}।", "bn", False, ("36",)),
    ("0{}।", "bn", False, ("49",)),            # a Latin zero before a Bangla digit
    ("{}", "latin", False, ("brief",)),
    ("{}.", "bn", True, ("08", "38")),
    ("{}.", "latin", False, ("45", "brief")),
    ("{}", "latin", True, ("27",)),
]
SERIAL_STYLES_EN = [
    ("{}", "latin", False, ("specs",)),
    ("{}.", "latin", False, ("brief",)),
    ("{}", "latin", True, ("27", "web:magurasadar.magura.gov.bd")),
]
# The serial written into the name cell: (template with serial and name, where seen).
FUSED_SERIALS_BN = [("{}.{}", ("web:brahmanbaria.gov.bd",)), ("{}. {}", ("web:brahmanbaria.gov.bd",)),
                    ("{}। {}", ("brief",))]
FUSED_SERIALS_EN = [("{}. {}", ("brief",)), ("{}.{}", ("brief",))]
NUMBER_STYLES = [("{}", False, ("lakhai", "02", "03", "39")), ("({})", False, ("01", "05", "06", "44", "45")),
                 ("{}", True, ("49",))]
DITTO_MARKS = [("ঐ", ("web:singramunicipality.gov.bd",)), ("-ঐ-", ("web:srbalaganj.balaganj.sylhet.gov.bd",)),
               ("〃", ("brief",))]

# --------------------------------------------------------------------------
# Fees: (text, fee_bdt, fee_min_bdt, fee_max_bdt, fee_kind, is_free), truth-v2 worked out by hand
# --------------------------------------------------------------------------

FEES_BN = [
    ("বিনামূল্যে", 0, 0, 0, "free", True),
    ("২০/-", 20, 20, 20, "amount", False),
    ("কোর্ট ফি ২০ টাকা ও নোটিশ জারি ফি ১০০ টাকা", 120, 120, 120, "itemised", False),
    ("বিদ্যমান সরকারী নীতিমালা অনুযায়ী", None, None, None, "policy", False),
    ("১০০/-(একশত) টাকা", 100, 100, 100, "amount", False),
    ("প্রথমবার ১০০ টাকা, দ্বিতীয়বার ২০০ টাকা", None, 100, 200, "tiered", False),
    ("বিনা মূল্যে", 0, 0, 0, "free", True),
    ("৳ ৫০০", 500, 500, 500, "amount", False),
    ("৫০০ থেকে ১০০০ টাকা", None, 500, 1000, "tiered", False),
    ("২০০ টাকা", 200, 200, 200, "amount", False),
    ("আবেদন কোর্ট ফি ৫ টাকা, নোটিশ জারি ফি ২ টাকা, রেকর্ড সংশোধন ফি ২০০ টাকা, খতিয়ান ফি ৪৩ টাকা; মোট = ২৫০ টাকা",
     250, 250, 250, "total", False),
    ("প্রতি পৃষ্ঠা ১০ টাকা", None, None, None, "rate", False),
    ("৫০ টাকা (ট্রেজারি চালানের মাধ্যমে)", 50, 50, 50, "amount", False),
    ("সাধারণ ৩০০০ টাকা, জরুরি ৫০০০ টাকা", None, 3000, 5000, "tiered", False),
    ("গেজেট অনুযায়ী", None, None, None, "policy", False),
    ("২০/=", 20, 20, 20, "amount", False),
    ("আবেদন ফি ৫০ টাকা এবং সনদ ফি ১০০ টাকা", 150, 150, 150, "itemised", False),
    ("০-৪৫ দিন বিনামূল্যে, ৪৬ দিন হতে ৫ বছর পর্যন্ত ২৫ টাকা, ৫ বছরের পর ৫০ টাকা", None, 0, 50, "tiered", None),
    ("কোন ফি লাগে না", 0, 0, 0, "free", True),
    ("ফরম ফি ১০০ টাকা ও লাইসেন্স ফি ৪০০ টাকা, সর্বমোট ৫০০ টাকা", 500, 500, 500, "total", False),
    ("প্রতি কিলোমিটার ১০ টাকা, সর্বনিম্ন ৩০০ টাকা", None, None, None, "rate", False),
    ("1,000/-", 1000, 1000, 1000, "amount", False),
    ("বাংলা - ২০/- ইংরেজী - ৫০/-", None, 20, 50, "tiered", False),
    ("সরকার নির্ধারিত ফি", None, None, None, "policy", False),
    ("২৫টাকা", 25, 25, 25, "amount", False),
    ("নবায়ন ৫০০ টাকা, নতুন ১০০০ টাকা", None, 500, 1000, "tiered", False),
    ("রেজিস্ট্রেশন ফি ৩০০ টাকা + প্রসেসিং ফি ২০০ টাকা", 500, 500, 500, "itemised", False),
    ("৫০০.০০ টাকা", 500, 500, 500, "amount", False),
    ("সাধারণ সেবা বিনামূল্যে, জরুরি সেবা ২০০ টাকা", None, 0, 200, "tiered", None),
    ("শতকরা ২ টাকা হারে", None, None, None, "rate", False),
]
FEES_EN = [
    ("Free of cost", 0, 0, 0, "free", True),
    ("Tk. 200", 200, 200, 200, "amount", False),
    ("Court fee Tk. 20 and notice fee Tk. 100", 120, 120, 120, "itemised", False),
    ("As per existing government rules", None, None, None, "policy", False),
    ("Tk. 20/-", 20, 20, 20, "amount", False),
    ("Form fee Tk. 50 + licence fee Tk. 450 = Tk. 500", 500, 500, 500, "total", False),
    ("Tk. 300 for the first time, Tk. 500 for the second time", None, 300, 500, "tiered", False),
    ("Free", 0, 0, 0, "free", True),
    ("Tk. 10 per page", None, None, None, "rate", False),
]
# Class rows of one service (সাধারণ / জরুরি each in its own row): class names, fee in taka, days.
FEE_CLASSES_BN = [
    (("সাধারণ", "জরুরি"), (4025, 6325), ("১৫ কার্যদিবস", "৭ কার্যদিবস"), (15, 7)),
    (("নতুন", "নবায়ন"), (1000, 500), ("৭ কার্যদিবস", "৩ কার্যদিবস"), (7, 3)),
    (("সাধারণ", "জরুরী", "অতীব জরুরী"), (3000, 5000, 8000), ("২১ দিন", "১০ দিন", "২ দিন"), (21, 10, 2)),
    (("বাংলা", "ইংরেজী"), (20, 50), ("১ কার্যদিবস", "২ কার্যদিবস"), (1, 2)),
]
FEE_CLASSES_EN = [(("Regular", "Express"), (3000, 5000), ("21 working days", "7 working days"), (21, 7))]

# --------------------------------------------------------------------------
# Time limits: (text, days as the upper bound)
# --------------------------------------------------------------------------

TIMES_BN = [
    ("তাৎক্ষণিক", 0), ("তাৎক্ষণিক/ ৩ কার্যদিবস", 3), ("১৫ (পনের) কার্যদিবস", 15), ("১ মাস", 30),
    ("৭-১০ কার্যদিবস", 10), ("৪৫কার্যদিবস", 45), ("০৭ (সাত) কার্যদিবস", 7), ("তাৎক্ষনিক", 0),
    ("০১ (এক) মাস", 30), ("৩ দিন", 3), ("সর্বোচ্চ ২৮ দিন", 28), ("তাৎক্ষনিক /২ দিন", 2), ("১৩-১৫ দিন", 15),
    ("৫ থেকে ৭ কার্যদিবস", 7), ("২ সপ্তাহ", 14), ("২৪ ঘণ্টা", 1), ("সর্বোচ্চ0৫দিন", 5), ("৩ মাস", 90),
    ("একই দিনে", 1), ("৫ কর্মদিবস", 5), ("2 থেকে 3 দিন", 3), ("৪৮ ঘন্টা", 2), ("০১-০৭ দিন", 7),
    ("৭ কর্ম দিবসের মধ্যে", 7), ("তাৎক্ষণিক/১দিন", 1), ("১ বছর", 365), ("৩০ মিনিট", 1),
    ("অফিস ভেদে ১ মাস হতে ১ বছর", 365), ("২৮ কার্যদিবস", 28),
]
TIMES_EN = [
    ("Immediately", 0), ("7-10 working days", 10), ("15 (fifteen) working days", 15), ("1 month", 30),
    ("Immediately/ 3 working days", 3), ("Within 3 (three) days", 3), ("Same day", 1), ("2 weeks", 14),
    ("48 hours", 2),
]

# --------------------------------------------------------------------------
# People, phones, labels
# --------------------------------------------------------------------------

# (name as printed, latin stem for the email); a person's name never carries জনাব/বেগম here.
NAMES_BN = [
    ("মোঃ আব্দুর রহিম", "rahim"), ("নাসরিন আক্তার", "nasrin"), ("মোঃ কামরুল হাসান", "kamrul"),
    ("শাহানা পারভীন", "shahana"), ("মোঃ মিজানুর রহমান", "mizan"), ("ফারহানা ইয়াসমিন", "farhana"),
    ("মোঃ রফিকুল ইসলাম", "rafiq"), ("সুমাইয়া জাহান", "sumaiya"), ("মোঃ জাহিদুল ইসলাম", "zahid"),
    ("তানজিলা খাতুন", "tanzila"), ("দেবাশীষ চক্রবর্তী", "debashish"), ("মোঃ শফিকুল আলম", "shafiq"),
    ("ডাঃ মাহমুদা সুলতানা", "mahmuda"), ("প্রদীপ কুমার সরকার", "pradip"), ("মোছাঃ রোকসানা বেগম", "roksana"),
    ("মোঃ নূরুল আমিন", "nurul"), ("সঞ্চিতা রানী দাস", "sanchita"), ("আবু সাঈদ মোঃ ফারুক", "faruk"),
    ("মোঃ হাবিবুর রহমান", "habib"), ("ইসরাত জাহান মিম", "israt"), ("বিপ্লব চন্দ্র রায়", "biplob"),
    ("মোঃ আল-আমিন", "alamin"), ("শারমিন সুলতানা", "sharmin"), ("মোঃ তৌহিদুল ইসলাম", "touhid"),
]
NAMES_EN = [
    ("Md. Abdur Rahim", "rahim"), ("Nasrin Akter", "nasrin"), ("Md. Kamrul Hasan", "kamrul"),
    ("Shahana Parvin", "shahana"), ("Md. Mizanur Rahman", "mizan"), ("Farhana Yasmin", "farhana"),
    ("Pradip Kumar Sarkar", "pradip"), ("Sanchita Rani Das", "sanchita"), ("Md. Habibur Rahman", "habib"),
]
HONORIFIC_BN = "জনাব "           # 35 'নাম: জনাব বলরাম …'; the names carry no gender to pick বেগম by

# How an officer cell is laid out, line by line (see layouts.officer_lines).
OFFICER_ORDERS_BN = [("name_first", ("lakhai", "specs")), ("designation_first", ("38",)),
                     ("one_line", ("17",)), ("labelled", ("35", "17")), ("no_labels", ("lakhai",))]
OFFICER_ORDERS_EN = [("name_first", ("specs",)), ("designation_first", ("brief",))]
PHONE_LABELS_BN = [("মোবাইলঃ ", ("lakhai",)), ("মোবা: ", ("17",)), ("ফোন-", ("38",)), ("মোবাইল: ", ("brief",)),
                   ("ফোন: ", ("brief",)), ("ফোন (অফিস): ", ("brief",))]
PHONE_LABELS_EN = [("Mobile: ", ("specs",)), ("Phone: ", ("brief",)), ("Cell: ", ("brief",))]
# A landline is not labelled as a mobile: a mobile label is replaced by these.
FIXED_LABELS = {"bn": "ফোন: ", "en": "Phone: "}
MOBILE_LABEL_WORDS = ("মোবা", "Mobile", "Cell")
EMAIL_LABELS_BN = [("ইমেইলঃ ", ("lakhai",)), ("ই-মেইল: ", ("brief",)), ("e-mail: ", ("38",)), ("ইমেইল: ", ("brief",))]
EMAIL_LABELS_EN = [("Email: ", ("specs",)), ("E-mail: ", ("brief",))]
NAME_LABELS_BN = ("নাম: ", "পদবি: ")

# How a phone number is printed: (kind, digits, dashed, where seen).
PHONE_FORMATS = [
    ("mobile", "bn", False, ("17", "lakhai")),
    ("mobile", "bn", True, ("specs",)),
    ("fixed", "bn", True, ("38", "truth-v2")),
    ("mobile", "latin", False, ("brief",)),
    ("fixed", "latin", True, ("brief",)),
    ("mobile_intl", "bn", False, ("brief",)),
    ("fixed", "bn", False, ("brief",)),
    ("mobile", "latin", True, ("brief",)),
    ("mobile_intl", "latin", False, ("brief",)),
]
# Fixed-line exchanges: (area code, subscriber digits, how the subscriber number starts, where seen).
# Every number drawn from these is one libphonenumber accepts (its BD plan knows the exchange ranges:
# Dhaka 7-digit numbers only in some 3-digit ranges, hence 955 of ০২-৯৫৫৪৪৩৩), except 08723, an upazila
# exchange it rejects (/work/shared/notes/bangla-pdf-text.md), valid by truth-v2.
FIXED_EXCHANGES = [
    ("02", 7, "955", ("truth-v2",)), ("08723", 5, "5", ("truth-v2", "notes")), ("0781", 5, "5", ("38",)),
    ("02", 8, "55", ("brief",)), ("0821", 6, "7", ("brief",)), ("031", 6, "7", ("brief",)),
    ("0721", 6, "7", ("brief",)), ("0531", 5, "6", ("brief",)), ("091", 5, "6", ("brief",)),
]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "gov.bd"]

# --------------------------------------------------------------------------
# Cell contents of the extra columns
# --------------------------------------------------------------------------

DOC_PLACES_BN = ["সংশ্লিষ্ট অফিসের অভ্যর্থনা কক্ষ", "দাপ্তরিক ওয়েবসাইট", "ইউনিয়ন পরিষদ কার্যালয়",
                 "নিকটস্থ ডিজিটাল সেন্টার", "আবেদনকারী নিজে সংগ্রহ করবেন", "অনলাইন আবেদন পোর্টাল"]
FORM_SOURCES_BN = ["নির্ধারিত আবেদন ফরম অফিসের অভ্যর্থনা কক্ষে পাওয়া যাবে।", "দাপ্তরিক ওয়েবসাইট হতে ডাউনলোড করা যাবে",
                   "সাদা কাগজে আবেদন", "-", "অফিসের হেল্প ডেস্ক"]
REMARKS_BN = ["", "", "প্রযোজ্য ক্ষেত্রে", "অনলাইনেও আবেদন করা যায়", "সরেজমিন তদন্ত সাপেক্ষে"]
RECIPIENTS_BN = ["সর্বসাধারণ", "জনগণ", "কৃষক", "কর্মকর্তা / কর্মচারী", "সংশ্লিষ্ট প্রতিষ্ঠান"]
SERVICE_PLACES_BN = ["উপজেলা পরিষদ কার্যালয়", "অফিস কক্ষ", "ইউনিয়ন ডিজিটাল সেন্টার", "সংশ্লিষ্ট শাখা",
                     "মাঠ পর্যায়ে", "কমিউনিটি ক্লিনিক"]
SERVICE_PLACES_EN = ["Upazila Parishad office", "Office of the Assistant Commissioner (Land)",
                     "Union Digital Centre", "Project Implementation Office"]
TODOS_BN = ["নির্ধারিত ফরমে আবেদন জমা দিন", "প্রয়োজনীয় কাগজপত্রসহ সরাসরি যোগাযোগ করুন",
            "অনলাইনে আবেদন করে প্রাপ্তি স্বীকারপত্র সংরক্ষণ করুন", "নির্দিষ্ট দিনে উপস্থিত থাকুন"]
MORE_METHODS_BN = ["অনলাইনে আবেদন গ্রহণ", "সরাসরি অফিসে আবেদন", "নথি উপস্থাপন ও অনুমোদন",
                   "মাসিক সভায় অনুমোদন সাপেক্ষে"]
METHODS = {"bn": METHODS_BN + MORE_METHODS_BN, "en": ["By personal contact", "By telephone", "By email",
                                                      "Through the official website", "On written application"]}
# The corpus's document list without its where-to-get line: a documents cell adds its own.
DOCUMENTS = {"bn": [d for d in DOCUMENTS_BN if not d.startswith("প্রাপ্তিস্থান")],
             "en": ["Application in the prescribed form", "Attested copy of the national ID card",
                    "Two passport-size photographs", "Copy of previous approval"]}

# --------------------------------------------------------------------------
# Offices: the synthetic corpus's five and more, each with the column orders it is drawn in
# --------------------------------------------------------------------------

SUPERIORS = {"land": "উপজেলা নির্বাহী অফিসার", "agri": "উপপরিচালক, কৃষি সম্প্রসারণ অধিদপ্তর",
             "social": "উপপরিচালক, জেলা সমাজসেবা কার্যালয়", "ict": "প্রোগ্রামার, জেলা কার্যালয়",
             "livestock": "জেলা প্রাণিসম্পদ কর্মকর্তা"}
OFFICE_FAMILIES = {"land": ["standard7", "land4", "older8", "superior8"],
                   "agri": ["standard7", "older8", "superior8", "zila5"],
                   "social": ["standard7", "social6", "older8"], "ict": ["standard7", "superior8"],
                   "livestock": ["standard7", "older8"]}
CORPUS_OFFICES = {office["key"]: dict(office, superior=SUPERIORS[office["key"]],
                                      families=OFFICE_FAMILIES[office["key"]]) for office in OFFICES_BN}

NEW_OFFICES = {
    "pourashava": {
        "key": "pourashava", "office": "পৌরসভা কার্যালয়", "department": "স্থানীয় সরকার বিভাগ",
        "vision": "পরিচ্ছন্ন, নিরাপদ ও বাসযোগ্য পৌর এলাকা গড়ে তোলা।",
        "mission": "স্বচ্ছতা ও জবাবদিহিতার মাধ্যমে নাগরিকদের দোরগোড়ায় দ্রুত পৌরসেবা পৌঁছে দেওয়া।",
        "head": "পৌর নির্বাহী কর্মকর্তা", "email": "pourashava",
        "staff": ["সচিব", "নির্বাহী প্রকৌশলী", "কর নির্ধারক", "লাইসেন্স পরিদর্শক", "নিম্নমান সহকারী"],
        "superior": "মেয়র", "families": ["pourashava6", "pourashava9"],
        "departments": [
            ("প্রশাসন বিভাগ", ["নাগরিকত্ব সনদ প্রদান", "ওয়ারিশ সনদ প্রদান", "চারিত্রিক সনদ প্রদান",
                               "অবিবাহিত সনদ প্রদান", "বিবিধ প্রত্যয়নপত্র প্রদান"]),
            ("প্রকৌশল বিভাগ", ["ইমারত নির্মাণের নকশা অনুমোদন", "সড়ক বাতি মেরামত", "রাস্তা খননের অনুমতি প্রদান",
                               "পানির লাইন সংযোগ প্রদান", "ড্রেন পরিষ্কারকরণ"]),
            ("কর নির্ধারণ শাখা", ["হোল্ডিং কর নির্ধারণ", "হোল্ডিং নামজারি", "কর পরিশোধের প্রত্যয়ন"]),
            ("লাইসেন্স শাখা", ["ট্রেড লাইসেন্স প্রদান", "ট্রেড লাইসেন্স নবায়ন", "রিকশা লাইসেন্স প্রদান"]),
            ("স্বাস্থ্য বিভাগ", ["জন্ম নিবন্ধন সনদ প্রদান", "মৃত্যু নিবন্ধন সনদ প্রদান", "মশক নিধন কার্যক্রম"]),
            ("হিসাব শাখা", ["ঠিকাদারের বিল পরিশোধ", "জামানত ফেরত প্রদান", "কর্মচারীদের বেতন ভাতা প্রদান"]),
        ],
        "citizen": ["নাগরিকত্ব সনদ প্রদান", "ওয়ারিশ সনদ প্রদান", "ট্রেড লাইসেন্স প্রদান", "হোল্ডিং কর নির্ধারণ"],
    },
    "union": {
        "key": "union", "office": "ইউনিয়ন পরিষদ কার্যালয়", "department": "স্থানীয় সরকার বিভাগ",
        "vision": "ডিজিটাল ও জনবান্ধব ইউনিয়ন পরিষদ।",
        "mission": "ইউনিয়ন পর্যায়ে সকল নাগরিকের জন্য সহজে ও স্বল্প সময়ে সেবা নিশ্চিত করা।",
        "head": "ইউপি চেয়ারম্যান", "email": "up",
        "staff": ["ইউপি সচিব", "হিসাব সহকারী কাম কম্পিউটার অপারেটর", "ইউপি সদস্য"],
        "superior": "উপজেলা নির্বাহী অফিসার", "families": ["union5", "standard7", "zila5"],
        "citizen": ["জন্ম ও মৃত্যু নিবন্ধন", "নাগরিকত্ব সনদপত্র প্রদান", "ওয়ারিশান সনদ প্রদান",
                    "ট্রেড লাইসেন্স প্রদান", "গ্রাম আদালতে মামলা দায়ের", "ভিজিডি কার্ড বিতরণ",
                    "বয়স্ক ভাতার আবেদন গ্রহণ", "হোল্ডিং ট্যাক্স আদায়", "ভূমিহীন সনদ প্রদান", "চারিত্রিক সনদ প্রদান"],
    },
    "registry": {
        "key": "registry", "office": "সাব-রেজিস্ট্রি অফিস", "department": "নিবন্ধন অধিদপ্তর",
        "vision": "দলিল নিবন্ধন সেবা সহজ, দ্রুত ও হয়রানিমুক্ত করা।",
        "mission": "স্বচ্ছ প্রক্রিয়ায় দলিল নিবন্ধন ও নকল সরবরাহের মাধ্যমে নাগরিকের সম্পত্তির অধিকার সুরক্ষা।",
        "head": "সাব-রেজিস্ট্রার", "email": "sro", "staff": ["অফিস সহকারী", "মোহরার", "নকলনবিশ"],
        "superior": "জেলা রেজিস্ট্রার", "families": ["registry5"],
        "citizen": ["দলিল রেজিস্ট্রেশন", "মোক্তারনামা তসদিক", "দলিলের নকল সরবরাহ", "তল্লাশি ও পরিদর্শন",
                    "মূল দলিল ফেরত প্রদান", "হেবা দলিল রেজিস্ট্রেশন", "দলিল লেখকের সনদ নবায়ন"],
    },
    "passport": {
        "key": "passport", "office": "আঞ্চলিক পাসপোর্ট অফিস", "department": "ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর",
        "vision": "নাগরিকদের বহির্বিশ্বে ভ্রমণ নিরাপদ ও সহজ করা।",
        "mission": "দ্রুততম সময়ে আন্তর্জাতিক মানের ই-পাসপোর্ট প্রদান এবং সেবার মান বৃদ্ধি।",
        "head": "উপ-পরিচালক", "email": "rpo", "staff": ["সহকারী পরিচালক", "উপ-সহকারী পরিচালক", "অফিস সহকারী"],
        "superior": "পরিচালক, বিভাগীয় পাসপোর্ট ও ভিসা অফিস", "families": ["passport8", "standard7"],
        "citizen": ["ই-পাসপোর্ট ইস্যু", "পাসপোর্ট পুনঃইস্যু", "হারানো পাসপোর্টের পরিবর্তে নতুন পাসপোর্ট ইস্যু",
                    "পাসপোর্টের তথ্য সংশোধন", "অপ্রাপ্তবয়স্কদের পাসপোর্ট ইস্যু", "সরকারি কর্মচারীদের পাসপোর্ট ইস্যু",
                    "মেশিন রিডেবল পাসপোর্ট নবায়ন", "পাসপোর্ট সংক্রান্ত তথ্য প্রদান"],
    },
    "savings": {
        "key": "savings", "office": "জেলা সঞ্চয় অফিস", "department": "জাতীয় সঞ্চয় অধিদপ্তর",
        "vision": "আধুনিক ও জনবান্ধব সঞ্চয় ব্যবস্থাপনা।",
        "mission": "ক্ষুদ্র আয়ের জনগোষ্ঠীকে সঞ্চয়ে উদ্বুদ্ধ করা এবং প্রযুক্তিনির্ভর সেবা প্রদান।",
        "head": "জেলা সঞ্চয় অফিসার", "email": "savings", "staff": ["সহকারী পরিচালক", "অফিস সহকারী"],
        "superior": "উপ-পরিচালক, বিভাগীয় সঞ্চয় অফিস", "families": ["savings7", "older8"],
        "citizen": ["সঞ্চয়পত্র ক্রয়", "সঞ্চয়পত্রের মুনাফা প্রদান", "সঞ্চয়পত্র নগদায়ন",
                    "ডাকঘর সঞ্চয় ব্যাংক হিসাব খোলা", "নমিনি পরিবর্তন", "হারানো সঞ্চয়পত্রের ডুপ্লিকেট ইস্যু",
                    "সঞ্চয় বিষয়ক তথ্য প্রদান"],
    },
    "fp": {
        "key": "fp", "office": "উপজেলা পরিবার পরিকল্পনা কার্যালয়", "department": "পরিবার পরিকল্পনা অধিদপ্তর",
        "vision": "সুস্থ মা, সুস্থ শিশু ও পরিকল্পিত পরিবার।",
        "mission": "মানসম্মত মা ও শিশু স্বাস্থ্যসেবা এবং পরিবার পরিকল্পনা সেবা সকলের কাছে পৌঁছে দেওয়া।",
        "head": "উপজেলা পরিবার পরিকল্পনা কর্মকর্তা", "email": "ufpo",
        "staff": ["মেডিকেল অফিসার (এমসিএইচ-এফপি)", "পরিবার কল্যাণ পরিদর্শিকা", "পরিবার কল্যাণ সহকারী"],
        "superior": "উপপরিচালক, পরিবার পরিকল্পনা", "families": ["family8"],
        "citizen": ["গর্ভবতী মায়ের সেবা", "প্রসব পরবর্তী সেবা", "স্থায়ী জন্মনিয়ন্ত্রণ পদ্ধতি",
                    "দীর্ঘমেয়াদি জন্মনিয়ন্ত্রণ পদ্ধতি", "কিশোর-কিশোরী স্বাস্থ্যসেবা", "শিশুর টিকা ও পুষ্টি পরামর্শ"],
    },
    "education": {
        "key": "education", "office": "উপজেলা মাধ্যমিক শিক্ষা অফিস", "department": "মাধ্যমিক ও উচ্চ শিক্ষা অধিদপ্তর",
        "vision": "মানসম্মত মাধ্যমিক শিক্ষা নিশ্চিতকরণ।",
        "mission": "শিক্ষা প্রতিষ্ঠানের একাডেমিক তত্ত্বাবধান ও প্রশাসনিক সহায়তার মাধ্যমে শিক্ষার মান উন্নয়ন।",
        "head": "উপজেলা মাধ্যমিক শিক্ষা অফিসার", "email": "useo", "staff": ["একাডেমিক সুপারভাইজার", "অফিস সহকারী"],
        "superior": "জেলা শিক্ষা অফিসার", "families": ["education6", "older8"],
        "citizen": ["এমপিওভুক্তির আবেদন অগ্রায়ন", "শিক্ষক নিবন্ধন সনদ যাচাই", "বিদ্যালয় পরিদর্শন",
                    "উপবৃত্তি বিতরণ তদারকি", "ম্যানেজিং কমিটি গঠনের অনুমোদন অগ্রায়ন", "বৃত্তি পরীক্ষা আয়োজন"],
    },
}

# The office pool, in split order (see the module docstring).
OFFICE_KEYS = ["land", "agri", "registry", "ict", "livestock", "social", "pourashava", "union", "fp",
               "passport", "savings", "education"]
OFFICES = {**CORPUS_OFFICES, **NEW_OFFICES}
ENGLISH_OFFICE = dict(OFFICE_EN, superior="Programmer, District Office", families=["english7", "english5"])
SECTION_NAMES = {"institutional": INSTITUTIONAL_BN, "internal": INTERNAL_BN}
