"""English texts of the sample data (issue 11), written by gen_data.py as ``en:`` mappings.

Kept apart from gen_data.py so the Vietnamese originals and their translations can be read
side by side. Placeholders ({reform}, {reform1}, {last}) are filled as in the originals.
Official English names follow the usage of Vietnamese government sites: "Department of … of
Sơn Cao Province", "Decree No. 07/2021/ND-CP", "commune", "ward", "township".
"""

ILLUSTRATIVE_EN = "Illustrative figures: Sơn Cao Province and its administrative units are fictitious."

SRC_NNMT_EN = "Department of Agriculture and Environment of Sơn Cao Province"
SRC_GDDT_EN = "Department of Education and Training of Sơn Cao Province"
SRC_YT_EN = "Department of Health of Sơn Cao Province"
SRC_KHCN_EN = "Department of Science and Technology of Sơn Cao Province"
SRC_TK_EN = "Statistics Office of Sơn Cao Province"
SRC_XD_EN = "Department of Construction of Sơn Cao Province"
SRC_CT_EN = "Department of Industry and Trade of Sơn Cao Province"

# unit type words as they stand before a name in English ("Pa Cheo Commune")
TYPE_EN = {
    "tỉnh": "Province",
    "huyện": "District",
    "thị xã": "Town",
    "thành phố": "City",
    "xã": "Commune",
    "phường": "Ward",
    "thị trấn": "Township",
}

AGE_VALUES_EN = {"0-2": "Aged 0–2", "3-5": "Aged 3–5", "4-5": "Aged 4–5", "6-14": "Aged 6–14"}
SEX_VALUES_EN = {"nam": "Male", "nu": "Female"}
DIMS_EN = {"age": ("Age group", AGE_VALUES_EN), "sex": ("Sex", SEX_VALUES_EN)}

THEMES_EN = {
    "giam-ngheo": ("Poverty reduction", "Poor and near-poor households, and income per capita."),
    "giao-duc": ("Education", "School enrolment, universal education and schools meeting national standards."),
    "y-te": ("Health",
             "Doctors at commune health stations, stations meeting national criteria, health insurance "
             "and child nutrition."),
    "ha-tang": ("Infrastructure",
                "Roads to commune centres, the national grid, clean water and mobile broadband coverage."),
}

REVISIONS_EN = {
    "Cập nhật số liệu năm học 2024–2025 sau khi đối chiếu với dân số trong độ tuổi.":
        "Updated the 2024–2025 school year figures after checking them against the school-age population.",
    "Tính lại tỷ lệ các năm 2022–2024 theo dân số trung bình chính thức của Thống kê tỉnh.":
        "Recalculated the 2022–2024 rates using the official average population from the Provincial "
        "Statistics Office.",
    "Sửa số thôn có sóng năm 2024 của huyện Mù Sang sau khi đo kiểm lại.":
        "Corrected the 2024 number of villages with coverage in Mù Sang District after new measurements.",
}

META_EN = {
    "ho-ngheo": dict(
        title="Poor household rate (multidimensional poverty standard)", short_title="Poor households",
        description="Poor households as a share of all resident households, from the year-end review.",
        source=SRC_NNMT_EN,
        methodology="""
The poor household rate is the number of poor households divided by the total number of resident
households in the area, times 100, from the annual review of poor and near-poor households organised
by the commune People's Committees (as of 31 December). The multidimensional poverty standard looks at
both income per capita and the lack of basic social services: employment, health care, education,
housing, domestic water and sanitation, and information.
District and provincial figures are aggregated from the **numbers of households** of the communes, not
averaged from their rates.
""",
        notes="""
From 2022 the multidimensional poverty standard for 2022–2025 applies (Decree No. 07/2021/ND-CP);
figures for 2019–2021 follow the poverty standard for 2016–2020 (Decision No. 59/2015/QD-TTg), so
comparisons of 2021 with 2022 must allow for the change of standard.
Figures for {reform} are by the new commune-level administrative units (from 1 July {reform}).
"""),
    "ho-can-ngheo": dict(
        title="Near-poor household rate (multidimensional poverty standard)", short_title="Near-poor households",
        description="Near-poor households as a share of all resident households, from the year-end review.",
        source=SRC_NNMT_EN,
        methodology="""
The near-poor household rate is the number of near-poor households divided by the total number of
resident households, times 100, from the annual review (as of 31 December). A near-poor household has an
income above the poverty line but not above the near-poverty line, and lacks basic social services below
the prescribed level.
District and provincial figures are aggregated from the numbers of households of the communes.
""",
        notes="""
The rate rose in 2022 because the near-poverty standard for 2022–2025 took effect (Decree No.
07/2021/ND-CP) and because many households that escaped poverty became near-poor.
"""),
    "thu-nhap-binh-quan": dict(
        title="Annual income per capita", short_title="Income per capita",
        description="Average income per person per year, at current prices.",
        source=SRC_TK_EN,
        methodology="""
Income includes wages and salaries, income from agriculture, forestry and fisheries, income from
non-farm business and other receipts; it excludes withdrawn savings, loans taken and debts collected.
Figures for the years of the Household Living Standards Survey (2020, 2022, 2024) come from the
survey; the other years are estimates of the Provincial Statistics Office. Current prices, in million
dong per person per year.
""",
        notes="""
The provincial figure for {reform} is preliminary.
"""),
    "tre-den-truong": dict(
        title="Enrolment rate of children of school age", short_title="Children in school",
        description="Children of each age group attending crèche, kindergarten or general school, as a share "
                    "of all children of that age.",
        source=SRC_GDDT_EN,
        methodology="""
The enrolment rate is the number of children of the age group attending school divided by all children
of that age living in the area, times 100, from the statistics at the start of the school year (as of
30 September). The year in the table is the year the school year starts: 2024 is the 2024–2025 school
year. The 4–5 age group is part of the 3–5 age group.
""",
        notes="""
Figures for the {reform}–{reform1} school year by the new commune-level units are being compiled.
"""),
    "pho-cap-giao-duc": dict(
        title="Communes meeting the universal education standards", short_title="Universal education",
        description="Communes, wards and townships recognised as meeting the universal education standards "
                    "(1 = met, 0 = not met).",
        source=SRC_GDDT_EN,
        methodology="""
A commune counts as meeting the standards when it is recognised as meeting, at the same time, universal
preschool education for five-year-olds, universal primary education at level 2 or above and universal
lower secondary education at level 1 or above (Decree No. 20/2014/ND-CP). Figures follow the recognition
decisions in force on 31 December.
""",
        notes="""
In {reform} the new communes and wards were assessed again on the basis of the results of the former
communes merged into them.
"""),
    "truong-dat-chuan": dict(
        title="Share of schools meeting national standards", short_title="Standard schools",
        description="Public preschools and general schools recognised as meeting national standards, as a "
                    "share of all public schools.",
        source=SRC_GDDT_EN,
        methodology="""
The number of preschools, primary schools, lower secondary schools and multi-level general schools
recognised as meeting national standards (by a decision in force on 31 December) divided by the total
number of public schools, times 100. A school with several sites counts as one school.
"""),
    "bac-si-luan-phien": dict(
        title="Days a week with a doctor at the commune health station", short_title="Doctors at health stations",
        description="Average number of days a week on which a doctor examines and treats patients at the "
                    "commune health station.",
        source=SRC_YT_EN,
        methodology="""
Based on the health station's work schedule for the fourth quarter, counting the station's own doctors
and doctors rotated for a fixed term from district health centres and higher-level hospitals. District
and provincial figures are plain averages of the stations (each station counts equally). Ward health
stations usually have a doctor all week.
""",
        notes="""
In {reform} the new commune health stations are counted as the average of their sites (the health
stations of the former communes), weighted by the number of households.
"""),
    "xa-dat-chuan-y-te": dict(
        title="Share of communes meeting the national criteria on commune health",
        short_title="Communes meeting health criteria",
        description="Communes, wards and townships recognised as meeting the national criteria on commune "
                    "health, as a share of all commune-level units.",
        source=SRC_YT_EN,
        methodology="""
The number of communes, wards and townships recognised by the Provincial People's Committee as meeting
the national criteria on commune health, divided by the total number of commune-level administrative
units, times 100. Figures as of 31 December.
""",
        notes="""
The new communes and wards (from 1 July {reform}) will be assessed against the new criteria in {reform1}.
"""),
    "bao-hiem-y-te": dict(
        title="Health insurance coverage rate", short_title="Health insurance",
        description="People holding a valid health insurance card, as a share of the average population.",
        source=SRC_YT_EN,
        methodology="""
The number of people holding a health insurance card valid on 31 December (from the Provincial Social
Security) divided by the average population of the year (from the Provincial Statistics Office), times
100. District and provincial figures are aggregated from numbers of people, not averaged from rates.
""",
        notes="""
From June 2021 many communes left Region III under Decision No. 861/QD-TTg; their residents no longer
receive free health insurance cards, hence the sharp fall in 2021.
"""),
    "suy-dinh-duong": dict(
        title="Stunting rate among children under five", short_title="Child stunting",
        description="Children under five whose height for age is below the standard, as a share of all "
                    "children under five.",
        source=SRC_YT_EN,
        methodology="""
A child is stunted when their height for age is more than two standard deviations below the median of
the World Health Organization Child Growth Standards (2006). Figures come from the annual nutrition
surveillance survey of the Provincial Centre for Disease Control; district figures are estimated from
the survey sample.
""",
        notes="""
The results of the {reform} survey are published in mid-{reform1}.
"""),
    "internet": dict(
        title="Share of villages with mobile broadband coverage", short_title="Mobile broadband",
        description="Villages, hamlets and urban residential groups with mobile broadband coverage (3G/4G or "
                    "better) in their residential area.",
        source=SRC_KHCN_EN,
        methodology="""
The number of villages, hamlets and urban residential groups whose residential area has mobile
broadband coverage (3G/4G or better) divided by the total number of them, times 100, from the year-end
review of the Department of Science and Technology with the telecommunications operators. District and
provincial figures are aggregated from the numbers of villages of the communes.
"""),
    "duong-oto-den-xa": dict(
        title="Share of communes with a paved road to the commune centre", short_title="Roads to communes",
        description="Communes with a paved road for cars to the commune centre, passable all year round.",
        source=SRC_XD_EN,
        methodology="""
The number of communes, wards and townships with a road for cars to the commune centre surfaced with
asphalt or concrete and passable all year round, divided by the total number of commune-level
administrative units, times 100. Until {last} the road is counted from the district centre; from {reform}
from the nearest national or provincial road to the centre of the new commune.
"""),
    "nuoc-sach": dict(
        title="Share of the population using hygienic domestic water", short_title="Hygienic water",
        description="People with access to hygienic water for domestic use, as a share of the population.",
        source=SRC_NNMT_EN,
        methodology="""
Following the rural clean water monitoring and evaluation indicators and the communes' reviews: the
number of people using water from piped schemes, wells or tanks meeting hygiene requirements, divided by
the population, times 100. District and provincial figures are aggregated from numbers of people.
"""),
    "dien-luoi": dict(
        title="Share of households using the national power grid", short_title="National grid",
        description="Resident households supplied by the national power grid, as a share of all households.",
        source=SRC_CT_EN,
        methodology="""
The number of households with a meter or a connection to the national grid divided by the total number
of resident households, times 100, from the Department of Industry and Trade and the provincial power
company as of 31 December. District and provincial figures are aggregated from the numbers of households
of the communes.
"""),
}

PROGRAMME_EN = dict(
    title="Resolution on sustainable poverty reduction and the development of education and health care, "
          "2021–2025",
    issuer="People's Council of Sơn Cao Province",
    summary="""
Resolution of the Provincial People's Council on sustainable poverty reduction and the development of
education and health care in ethnic minority and mountainous areas for 2021–2025. It sets targets to
reduce the poor household rate quickly in the poor communes and the 10 poorest communes, to raise school
enrolment, to achieve universal education in every commune and to ensure that doctors work at every
commune health station at least 2 days a week.

From 1 July {reform}, the former communes were reorganised into new communes and wards; the {reform}
result of a former commune is followed through the new commune or ward it was merged into.

{illustrative}
""",
)

# target id -> (title, scope label or None)
TARGETS_EN = {
    "giam-ngheo-xa-ngheo": ("Reduce the poor household rate in the poor communes by an average of at least 9 "
                            "percentage points a year",
                            "the poor communes (poor household rate of 40 % or more in 2021)"),
    "giam-ngheo-10-xa": ("Reduce the poor household rate in the 10 poorest communes by an average of at least "
                         "9.6 percentage points a year",
                         "the 10 communes with the highest poor household rates in 2021"),
    "giam-ngheo-toan-tinh": ("Reduce the province's poor household rate by an average of at least 3 percentage "
                             "points a year", None),
    "huy-dong-tre-0-2": ("Enrolment of children aged 0–2 in crèches reaches 30 % or more", None),
    "huy-dong-tre-3-5": ("Enrolment of children aged 3–5 in kindergartens reaches 98.6 % or more", None),
    "huy-dong-tre-4-5": ("Enrolment of children aged 4–5 in kindergartens reaches 99 % or more", None),
    "huy-dong-tre-6-14": ("Enrolment of children aged 6–14 in general schools reaches 99 % or more", None),
    "pho-cap-giao-duc": ("100 % of communes, wards and townships meet the universal education standards",
                         "communes, wards and townships"),
    "bac-si-tram-y-te": ("100 % of commune health stations have a doctor working 2 days a week or more",
                         "commune, ward and township health stations"),
    "bao-hiem-y-te": ("Health insurance coverage reaches 95 % of the population or more", None),
    "suy-dinh-duong": ("Reduce stunting among children under five to 22 % or less", None),
    "song-di-dong": ("Extend mobile broadband coverage to 95 % of villages or more", None),
}


def poverty_revisions_en(reform_year, n_new, old_last_year, wrong, right):
    """The English notes of ho-ngheo's revisions, in the order of the Vietnamese ones."""
    return [
        f"Added the {reform_year} review results of the {n_new} new communes and wards (after the "
        f"reorganisation of administrative units).",
        f"Corrected the {old_last_year} rate of Pa Cheo Commune from {wrong} % (a typing error) to {right} %.",
        "Republished the 2022 figures under the multidimensional poverty standard for 2022–2025 after the "
        "Provincial People's Committee approved the review results.",
    ]


def merger_note_en(parts, district_type, district_name):
    """`Formed by merging Tà Lùng Commune, … and Pa Cheo Commune (former Mường Tùng District).`

    ``parts`` are (type word, name) pairs in the order of the Vietnamese note."""
    named = [f"{name} {TYPE_EN.get(kind, kind)}" for kind, name in parts]
    listed = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
    return f"Formed by merging {listed} (former {district_name} {TYPE_EN.get(district_type, district_type)})."
