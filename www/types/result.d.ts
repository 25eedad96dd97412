// What estimate() and compareMarkets() return, and a dataset's problems, generated from src/model.rs,
// src/report.rs and src/load/mod.rs by ts-rs (UPDATE_TYPES=1 cargo test --lib result_types). Do not edit.

/**
 * Everything the widget shows for one case.
 */
export type Estimate = { lang: Lang, datasetVersion: string, figuresAsOf: string, krwPerUsd: number, sme: SmeStatus, potential: Potential, ranking: Array<RankedMarket>, plan: PlanContext, support: Array<SupportResult>, 
/**
 * Figures behind this result that are assumptions, not sourced facts.
 */
assumptions: Array<string>, 
/**
 * The answer at a glance, shown above the cards (picked by `outcome`, worded by `words`).
 */
summary: Summary, 
/**
 * One entry per readiness question not answered "yes": the base potential if it were.
 */
whatIf: Array<WhatIfAnswer>, 
/**
 * The revenue or total assets at which the SME status would change.
 */
whatIfSme: Array<WhatIfSme>, 
/**
 * What to confirm for each "possibly eligible" programme.
 */
whatIfSupport: Array<WhatIfSupport>, 
/**
 * Sentences about the whole result (`words::result_texts`).
 */
texts: ResultTexts, 
/**
 * How to enter the market and how long it takes (`entry`, worded by `words::entry`).
 */
entry: EntryResult, 
/**
 * The amounts above as the page shows them (`engine::shown_amounts`, each with `words::shown_krw`).
 */
shown: ShownAmounts, };

/**
 * The two languages of the widget.
 */
export type Lang = "ko" | "en";

export type SmeStatus = { size: SmeSize, 
/**
 * What decided the size.
 */
basis: SmeBasis, 
/**
 * Short label: "소기업" / "Small enterprise".
 */
label: string, reasons: Array<string>, 
/**
 * The table applied (in force on the case's day): id, name, effective date, source.
 */
tableId: string, table: string, tableEffective: string, tableSource: string, 
/**
 * Thresholds used for this sector, KRW.
 */
smallMaxKrw: number, mediumMaxKrw: number, 
/**
 * The sector's limits in one line ("소기업 80억 원 이하 · 중기업 800억 원 이하").
 */
limits: string, 
/**
 * Each threshold with the distance to it (revenue basis only; empty otherwise).
 */
thresholds: Array<SmeThreshold>, 
/**
 * True when a threshold used is unverified (an assumption in the dataset).
 */
thresholdAssumed: boolean, 
/**
 * What the widget cannot check: affiliated companies, the grace period, independence.
 */
notChecked: Array<string>, confirmAt: string, };

/**
 * SME size class.
 */
export type SmeSize = "small" | "medium" | "none";

/**
 * What decided the SME size class.
 */
export type SmeBasis = "medicalCorporation" | "assetCap" | "revenue";

/**
 * One threshold of the sector and how far the firm's revenue is from it.
 */
export type SmeThreshold = { 
/**
 * `Small`: the small-enterprise ceiling; `Medium`: the SME (medium-enterprise) ceiling.
 */
size: SmeSize, 
/**
 * The ceiling, KRW.
 */
maxKrw: number, 
/**
 * Revenue minus the ceiling, whole won (negative: below the ceiling).
 */
distanceKrw: number, 
/**
 * "45억 below the 80억 small-enterprise ceiling".
 */
text: string, };

export type Potential = { market: string, marketName: string, 
/**
 * Korea's trade agreement with the market: where it stands, and that in words.
 */
ftaStatus: FtaStatus, ftaLabel: string, 
/**
 * Potential exports in the base year, whole won.
 */
baseKrw: number, lowKrw: number, highKrw: number, baseUsd: number, lowUsd: number, highUsd: number, 
/**
 * Base potential minus current exports to the market, never below zero.
 */
untappedKrw: number, untappedUsd: number, 
/**
 * True when exports to the market were not given, so untapped assumes none.
 */
untappedAssumesNoExports: boolean, 
/**
 * Exports to the market, if given.
 */
exportsToMarketKrw: number | null, years: Array<YearPotential>, 
/**
 * The year every figure was brought to, and the projection's first year.
 */
priceYear: number, 
/**
 * How the ease of trade was obtained, and that in words.
 */
easeBasis: EaseBasis, easeLabel: string, 
/**
 * One sentence on what anchors Korea's potential in this market (and the fallback's flag).
 */
easeNote: string, 
/**
 * Korea's potential in this market and its untapped part, whole won (price year).
 */
koreaPotentialKrw: number, koreaUntappedKrw: number, 
/**
 * What the firm can export, whole won, and whether it is its own reported exports.
 */
exportableKrw: number, exportableIsReported: boolean, factors: Array<Factor>, 
/**
 * Readiness score used for the base value (0..1), unanswered questions counted as half.
 */
readinessScore: number, unansweredQuestions: number, 
/**
 * True when at least one readiness question was answered ("yes" or "no"): the printed
 * report then lists the readiness note with what was entered.
 */
readinessAnswered: boolean, };

/**
 * Where Korea's trade agreement with a market stands. JSON: `"none"`, `"negotiating"`,
 * `"concluded"` (negotiations concluded, not yet signed), `"signed"`, `"in_force"`.
 */
export type FtaStatus = "none" | "negotiating" | "concluded" | "signed" | "in_force";

/**
 * How the ease of trade of a market and sector was obtained (docs/METHOD.md, section 2).
 * JSON: `"actual"`, `"pair"`, `"gravity"`.
 */
export type EaseBasis = "actual" | "pair" | "gravity";

/**
 * Potential in one year.
 * Also read back from JS by the charts (`chart`).
 */
export type YearPotential = { year: number, 
/**
 * False for the price year (the figures' year), true for the projected years after it.
 */
projected: boolean, 
/**
 * The year as shown: "2025년(기준 수치)" / "2025 (figures)", "2026년(전망)" / "2026 (projected)".
 */
label: string, lowKrw: number, baseKrw: number, highKrw: number, 
/**
 * The part of the year the firm can sell in at the base (1 = all year; less before the
 * first sale of a firm not yet registered: `entry`).
 */
salesShare: number, };

/**
 * One factor of the export-potential formula, shown so a user can check it.
 */
export type Factor = { id: string, label: string, value: number, unit: string, 
/**
 * The value as a user reads it, with a localised unit ("1.5 %", "7,557 km", "US$ 1.7B").
 */
display: string, source: string, year: number | null, assumption: boolean, 
/**
 * How an assumed or derived figure was obtained (from the dataset's note).
 */
note: string | null, };

/**
 * One market in the ranking for this firm. Also read back from JS by the charts (`chart`).
 */
export type RankedMarket = { market: string, name: string, region: string, regionName: string, ftaStatus: FtaStatus, baseKrw: number, lowKrw: number, highKrw: number, rank: number, selected: boolean, 
/**
 * What Korea's potential there rests on, and that in a few words ("실적", "거리 규칙(가정)").
 */
easeBasis: EaseBasis, basisLabel: string, 
/**
 * The year the firm could first sell there, and that in words ("첫 판매 2027년"); none
 * without a route or its time.
 */
firstSaleYear: number | null, firstSaleLabel: string | null, };

/**
 * The national plan's path and the firm's place in it.
 */
export type PlanContext = { name: string, source: string, baseYear: number, targetYear: number, baseKrw: number, targetKrw: number, 
/**
 * Implied yearly growth from base to target (0.201 = 20.1 %).
 */
impliedGrowth: number, 
/**
 * Plan path year by year, KRW.
 */
path: Array<PlanYear>, 
/**
 * Firm's base potential as a share of the plan's target (0..); `None` when the firm's
 * sector is outside the plan's scope (no comparison is made).
 */
firmShareOfTarget: number | null, 
/**
 * What the plan aimed for (history).
 */
summary: string, 
/**
 * What the plan's figures covered.
 */
scope: string, 
/**
 * What is known of what was reached, one sentence each (and that no tally exists).
 */
reached: Array<string>, 
/**
 * The plan's own dollar figure and the rate it implies, labelled as derived.
 */
impliedRateNote: string | null, 
/**
 * The firm against the target in words, or why no comparison is made.
 */
comparison: string, 
/**
 * The plan's measures that are history (status unknown or ended), each in one line.
 */
measures: Array<PlanMeasureLine>, };

export type PlanYear = { year: number, krw: number, };

export type SupportResult = { id: string, name: string, agency: string, offers: string, status: ProgramStatus, 
/**
 * The status in words ("운영 중", "Running").
 */
statusLabel: string, 
/**
 * The day the status was last checked (ISO), and that in words.
 */
statusChecked: string, statusCheckedText: string, statusNote: string | null, nextStep: string | null, source: string, url: string | null, outcome: Outcome, 
/**
 * Heading of the outcome, defined once per outcome.
 */
outcomeLabel: string, 
/**
 * Where its call stands on the case's day, and that in words with the dates ("신청
 * 2025-12-17 ~ 2026-01-09: 마감").
 */
window: WindowStatus, windowText: string | null, 
/**
 * One line per criterion, in rule order.
 */
reasons: Array<CriterionResult>, 
/**
 * What the user would need to confirm (the reasons of criteria that came out "maybe").
 */
toConfirm: Array<string>, };

/**
 * Whether a support measure runs. JSON: `"active"`, `"enacted"`, `"planned"`, `"pending"`,
 * `"ended"`, `"unknown"`.
 */
export type ProgramStatus = "active" | "enacted" | "planned" | "pending" | "ended" | "unknown";

/**
 * Outcome of one support program.
 */
export type Outcome = "eligible" | "maybe" | "ineligible";

/**
 * The result of one criterion of a program's rule.
 */
export type CriterionResult = { check: Check, outcome: Outcome, 
/**
 * The outcome's short label ("충족", "Met"), for a screen reader or a CSV cell.
 */
outcomeLabel: string, reason: string, 
/**
 * True when `reason` already begins with `outcome_label` (so it need not be said twice).
 */
reasonStatesOutcome: boolean, };

/**
 * Which condition of a programme a reason line is about: its status (every programme has one)
 * or the kind of one criterion of its rule.
 */
export type Check = "status" | "sector" | "region" | "market" | "size" | "readiness" | "currentExports" | "ftaInForce" | "confirm";

/**
 * The answer at a glance alone: what the first-answer module returns (`glance(input)`), before
 * the whole `Estimate` arrives from the full module. The summary is the `Estimate`'s.
 */
export type GlanceAnswer = { lang: Lang, datasetVersion: string, summary: Summary, 
/**
 * What a screen reader is told (`ResultTexts::announcement`).
 */
announcement: string, };

/**
 * The answer at a glance: typed figures and the lines that word them.
 */
export type Summary = { smeSize: SmeSize, 
/**
 * The threshold nearest in the direction that matters (the ceiling of the firm's class, or
 * the SME ceiling it is above), KRW; `None` when revenue did not decide the class.
 */
smeThresholdKrw: number | null, 
/**
 * Revenue minus that threshold, KRW: negative below it, positive above.
 */
smeDistanceKrw: number | null, market: string, baseKrw: number, lowKrw: number, highKrw: number, 
/**
 * The ranking's first market when it is not the chosen one.
 */
bestMarket: string | null, bestMarketName: string | null, bestMarketBaseKrw: number | null, 
/**
 * What the best market's figure rests on (the gravity rule makes it indicative).
 */
bestMarketBasis: EaseBasis | null, likelyCount: number, possiblyCount: number, likelyNames: Array<string>, possiblyNames: Array<string>, 
/**
 * Programmes not ruled out whose call is open today or that run all year: what the firm can
 * act on now.
 */
actNowNames: Array<string>, 
/**
 * Programmes not ruled out whose call has closed or not opened yet.
 */
awaitingCallCount: number, 
/**
 * The readiness answer that would raise the base potential most, if any would.
 */
nextAnswer: Question | null, lines: Array<SummaryLine>, };

/**
 * One line of the summary, worded, with the card it links to.
 */
export type SummaryLine = { topic: SummaryTopic, 
/**
 * The heading of the line ("중소기업 여부", "SME status").
 */
label: string, text: string, };

/**
 * Which card a summary line is about (and links to).
 */
export type SummaryTopic = "sme" | "potential" | "entry" | "bestMarket" | "support" | "nextAnswer";

/**
 * The readiness questions, by name, so rules can refer to them as data.
 */
export type Question = "certification" | "localPartner" | "exportExperience" | "localLanguage";

/**
 * The base potential if one readiness question were answered "yes".
 */
export type WhatIfAnswer = { id: Question, label: string, 
/**
 * The base potential with this answer "yes", whole won.
 */
baseKrw: number, 
/**
 * `base_krw` minus the base potential now.
 */
gainKrw: number, text: string, };

/**
 * The amount at which the SME status would change, and to what.
 */
export type WhatIfSme = { measure: SmeMeasure, direction: Direction, krw: number, becomes: SmeSize, text: string, };

/**
 * What an SME what-if is measured on.
 */
export type SmeMeasure = "revenue" | "totalAssets";

/**
 * Whether the amount must rise above `krw` or be at most / below it.
 */
export type Direction = "above" | "atMost" | "atLeast" | "below";

/**
 * What to confirm for a "possibly eligible" programme.
 */
export type WhatIfSupport = { id: string, name: string, toConfirm: Array<string>, };

/**
 * Sentences about the whole result that the page shows as they are: the readiness note, the
 * charts' text alternatives, the screen-reader announcement and the estimate disclaimer.
 */
export type ResultTexts = { readinessNote: string, yearsAlt: string, rankingAlt: string, announcement: string, disclaimer: string, 
/**
 * The word for the dataset in a list of what a result rests on ("데이터", "Dataset"): the
 * CSV's row for the dataset's version and date.
 */
datasetLabel: string, };

/**
 * The result's amounts worded for the page: estimates to three significant digits ("88억 2,000만
 * 원", not "88억 161만 4,267 원": the method is not that precise), dollars as `formatUsd` writes
 * them. The page shows them as they are and rounds nothing itself.
 */
export type ShownAmounts = { 
/**
 * `potential.base_krw`, `low_krw`, `high_krw`, `untapped_krw`.
 */
base: string, low: string, high: string, untapped: string, 
/**
 * `potential.base_usd`, `low_usd`, `high_usd`, `untapped_usd`.
 */
baseUsd: string, lowUsd: string, highUsd: string, untappedUsd: string, 
/**
 * One per `potential.years`, in that order.
 */
years: Array<ShownBand>, 
/**
 * One per `ranking`, in that order.
 */
ranking: Array<ShownBand>, };

/**
 * A low-base-high band as shown.
 */
export type ShownBand = { low: string, base: string, high: string, };

/**
 * Two or three markets side by side for one firm.
 */
export type Comparison = { markets: Array<ComparedMarket>, programsThatDiffer: Array<ProgramDifference>, 
/**
 * How many programmes have the same outcome in every compared market.
 */
programsAlike: number, };

/**
 * One market of a comparison.
 */
export type ComparedMarket = { market: string, name: string, baseKrw: number, lowKrw: number, highKrw: number, 
/**
 * The three as the page shows them (`words::shown_krw`).
 */
baseShown: string, lowShown: string, highShown: string, 
/**
 * Demand growth a year (0.095 = 9.5 %), with its display, `None` when the dataset has none.
 */
growth: number | null, growthDisplay: string | null, distanceKm: number, distanceDisplay: string, ftaStatus: FtaStatus, ftaLabel: string, 
/**
 * Rank among all markets for this firm (1 = largest base potential).
 */
rank: number, 
/**
 * The way in: the regulator and the review time, and the first sale or what the firm has.
 */
entryTime: string, 
/**
 * The route's official fees, or that none was found.
 */
entryCost: string, };

/**
 * A programme whose outcome is not the same in every compared market.
 */
export type ProgramDifference = { id: string, name: string, 
/**
 * The outcome in each compared market, in the order of `markets`.
 */
outcomes: Array<Outcome>, outcomeLabels: Array<string>, };

/**
 * One problem in a dataset file, with the JSON path where it is (`$.markets[3].distanceKm.value`).
 * The kind and the fix are typed; `hint` and `hint_ko` are the fix as `words::fix` words it.
 */
export type Problem = { path: string, 
/**
 * What is wrong ("missing", "type", "negative", "range", "unknownSector", "duplicate", ...).
 */
kind: ProblemKind, 
/**
 * English, starting with the path.
 */
message: string, 
/**
 * How to fix it, typed.
 */
fix: Fix, 
/**
 * The fix in one line of plain English.
 */
hint: string, 
/**
 * The fix in one line of plain Korean.
 */
hintKo: string, };

/**
 * What is wrong with a dataset file, one kind per problem (`load::Problem`).
 */
export type ProblemKind = "json" | "tooLarge" | "tooDeep" | "missing" | "type" | "negative" | "notFinite" | "range" | "unsourced" | "duplicate" | "unknownSector" | "unknownMarket" | "unknownRegion" | "unknownProgram" | "incomplete" | "unknownKind" | "empty" | "date" | "schema" | "truncated" | "encoding";

/**
 * How to fix a dataset problem: the kind's usual fix, or a more precise one where the loader
 * knows more (which range, which two fields). `words::fix` words each in both languages.
 */
export type Fix = "json" | "tooDeep" | "missing" | "type" | "negative" | "notFinite" | "range" | "unsourced" | "duplicate" | "unknownSector" | "unknownMarket" | "unknownRegion" | "unknownProgram" | "incomplete" | "unknownKind" | "empty" | "date" | "schema" | "truncated" | "encoding" | "fileTooLarge" | "listTooLong" | "positive" | "share" | "growth" | "year" | "targetAfterBase" | "targetWithin50Years" | "minMultiplierAboveMax" | "weightsSum" | "smallAboveMedium" | "swapMinMax" | "rateForPriceYear";
