"""SutonnyMJ / Bijoy glyph table: each Latin-1 / cp1252 code the font draws as Bangla, by role.

Bijoy text stores glyphs in visual order, so a converter must know what each code *does*, not
only what it looks like: a pre-base vowel sign is typed before its consonant cluster, a half
form joins the consonant after it, a phala joins the one before it, and the reph mark follows
the cluster it sits on. The values below follow the SutonnyMJ keyboard/glyph layout as published
in Bijoy keyboard charts; codes whose reading is uncertain are left out rather than guessed.
"""

# Typed before the consonant cluster, pronounced after it.
PRE_KARS = {
    "w": "\u09bf",  # ি
    "†": "\u09c7",  # ে
    "‡": "\u09c7",  # ে
    "ˆ": "\u09c8",  # ৈ
    "‰": "\u09c8",  # ৈ
}

# Typed (and pronounced) after the consonant cluster.
POST_KARS = {
    "v": "\u09be",  # া
    "x": "\u09c0",  # ী
    "y": "\u09c1",  # ু
    "z": "\u09c1",
    "“": "\u09c1",
    "–": "\u09c1",
    "æ": "\u09c1",  # ু drawn under র / গ্র
    "~": "\u09c2",  # ূ
    "ƒ": "\u09c2",
    "‚": "\u09c2",
    "„": "\u09c3",  # ৃ
    "…": "\u09c3",
    "Š": "\u09d7",  # ৗ, the second half of ৌ
}

REPH = "©"

# Half forms: a consonant with hasanta that joins the consonant typed after it.
HALF_FORMS = {
    "®": "ষ্",
    "¯": "স্",
    "”": "চ্",
    "˜": "দ্",
    "™": "দ্",
    "š": "ন্",
    "›": "ন্",
    "¤": "ম্",
    "•": "ঙ্",
}

# Phala and other post-base forms: join the consonant typed before them.
POST_FORMS = {
    "^": "্ব",
    "Ÿ": "্ব",
    "¡": "্ব",
    "¦": "্ব",
    "¨": "্য",
    "ª": "্র",
    "«": "্র",
    "Ö": "্র",
    "¬": "্ল",
    "ø": "্ল",
    "‹": "্ক",
    "Œ": "্ক্র",
    "—": "্ত",
    "Í": "্ত",
    "¿": "্ত্র",
    "’": "্থ",
    "‘": "্তু",
    "œ": "্ন",
    "è": "্ন",
    "¢": "্ভ",
    "£": "্ভ্র",
    "¥": "্ম",
    "§": "্ম",
    "ú": "্প",
    "&": "্",
}

CONSONANTS = {
    "K": "ক", "L": "খ", "M": "গ", "N": "ঘ", "O": "ঙ",
    "P": "চ", "Q": "ছ", "R": "জ", "S": "ঝ", "T": "ঞ",
    "U": "ট", "V": "ঠ", "W": "ড", "X": "ঢ", "Y": "ণ",
    "Z": "ত", "_": "থ", "`": "দ", "a": "ধ", "b": "ন",
    "c": "প", "d": "ফ", "e": "ব", "f": "ভ", "g": "ম",
    "h": "য", "i": "র", "j": "ল", "k": "শ", "l": "ষ",
    "m": "স", "n": "হ", "o": "ড়", "p": "ঢ়", "q": "য়",
}

# Precomposed conjunct glyphs (and the two consonant+u/ri ligatures the font draws as one).
LIGATURES = {
    "°": "ক্ক", "±": "ক্ট", "²": "ক্ষ্ণ", "³": "ক্ত", "´": "ক্ম", "µ": "ক্র",
    "¶": "ক্ষ", "ÿ": "ক্ষ", "·": "ক্স", "¸": "গু", "»": "গ্ধ", "¼": "ঙ্ক",
    "½": "ঙ্গ", "¾": "জ্জ", "À": "জ্ঝ", "Á": "জ্ঞ", "Â": "ঞ্চ", "Ã": "ঞ্ছ",
    "Ä": "ঞ্জ", "Å": "ঞ্ঝ", "Æ": "ট্ট", "Ç": "ড্ড", "È": "ণ্ট", "É": "ণ্ঠ",
    "Ê": "ণ্ড", "Ë": "ত্ত", "Ì": "ত্থ", "Î": "ত্র", "Ï": "দ্দ", "×": "দ্ধ",
    "Ø": "দ্ব", "Ù": "দ্ম", "Ú": "ন্ঠ", "Û": "ন্ড", "Ü": "ন্ধ", "Ý": "ন্স",
    "Þ": "প্ট", "ß": "প্ত", "à": "প্প", "á": "প্স", "â": "ব্জ", "ã": "ব্দ",
    "ä": "ব্ধ", "å": "ভ্র", "ç": "ম্ফ", "é": "ল্ক", "ê": "ল্গ", "ë": "ল্ট",
    "ì": "ল্ড", "í": "ল্প", "î": "ল্ফ", "ï": "শু", "ð": "শ্চ", "ñ": "শ্ছ",
    "ò": "ষ্ণ", "ó": "ষ্ট", "ô": "ষ্ঠ", "õ": "ষ্ফ", "ö": "স্খ", "÷": "স্ট",
    "ù": "স্ফ", "û": "হু", "ü": "হৃ", "ý": "হ্ন", "þ": "হ্ম",
    # র with ya-phala keeps the র whole (র‍্য), which needs a ZWJ in Unicode.
    "i¨": "র\u200d্য",
}

# Letters that stand alone: independent vowels and the signs that never reorder.
STANDALONE = {
    "Av": "আ", "A": "অ", "B": "ই", "C": "ঈ", "D": "উ", "E": "ঊ", "F": "ঋ",
    "G": "এ", "H": "ঐ", "I": "ও", "J": "ঔ",
    "r": "ৎ", "s": "ং", "t": "ঃ", "u": "ঁ",
    "|": "।", "Ñ": "–", "Ò": "“", "Ó": "”", "Ô": "‘", "Õ": "’",
}

DIGITS = {str(d): chr(0x09E6 + d) for d in range(10)}

# Codes that have no ordinary use in English text: their presence is strong evidence of Bijoy.
BIJOY_ONLY = frozenset(
    set(PRE_KARS) - {"w"}
    | set(POST_KARS) - {"v", "x", "y", "z", "~", "–", "“"}
    | {REPH}
    | set(HALF_FORMS)
    | set(POST_FORMS) - {"^", "&", "—", "‘", "’"}
    | {k for k in LIGATURES if len(k) == 1}
    | {"Ñ", "Ò", "Ó", "Ô", "Õ"}
)
