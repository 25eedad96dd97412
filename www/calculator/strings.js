// The widget's own words: labels of the form, headings, notes and templates (UI chrome), in Korean
// and English. Nothing derived from a result is worded here: the engine words results (src/words/)
// and the element shows its strings as they are.
// Here: the form's and the answer at a glance's words, in the first bundle; the cards' words
// (strings-cards.js) come with the full module and are added by addStrings().

export const STRINGS = {
  ko: {
    loading: '계산기를 불러오는 중입니다…',
    loadFail: '계산기를 불러오지 못했습니다. 페이지를 새로 고쳐 주세요.',
    restLoading: '그래프, 시장 순위, 진출 절차, 지원 제도 목록을 불러오는 중입니다…',
    restFail:
      '그래프, 시장 순위, 진출 절차, 지원 제도 목록, 인쇄와 CSV를 불러오지 못했습니다. 위의 한눈에 보는 결과는 그대로 맞습니다.',
    retry: '다시 시도',
    inputH: '기업 정보 입력',
    privacy: '입력한 내용은 이 브라우저 안에서만 계산되며 어디에도 전송되지 않습니다.',
    revenueKrw: '연평균 매출액 (최근 3년)',
    amountHint: '예: 35억, 3억 5천만, 1,250,000,000원',
    sector: '업종',
    choose: '선택하세요',
    market: '목표 시장',
    other: '기타',
    more: '더 자세히 입력 (선택)',
    moreHint: '더 많이 답할수록 결과 범위가 좁아지고 지원 제도 판단이 정확해집니다.',
    currentExportsKrw: '현재 총수출액 (연간)',
    exportsToMarketKrw: '목표 시장 수출액 (연간)',
    totalAssetsKrw: '자산총액',
    medCorp: '비영리 의료법인입니다',
    medCorpHint: '의료법인은 중소기업기본법상 기업이 아니어서 중소기업 지원 대상이 아닙니다.',
    readinessH: '수출 준비 상태',
    certification: '목표 시장에서 유효한 인증·허가를 갖고 있습니까?',
    localPartner: '현지 파트너나 유통사가 있습니까?',
    exportExperience: '수출해 본 경험이 있습니까?',
    localLanguage: '목표 시장 언어로 된 제품·서비스 자료가 있습니까?',
    yes: '예',
    no: '아니요',
    unk: '모름·답하지 않음',
    resultsH: '계산 결과',
    placeholder: '매출액과 업종을 입력하면 결과가 여기에 바로 표시됩니다.',
    stale: '입력을 고치면 결과가 갱신됩니다. 아래는 마지막으로 계산한 결과입니다.',
    copy: '링크 복사',
    print: '인쇄·PDF 저장',
    csv: 'CSV 다운로드',
    json: '계산 과정 JSON 다운로드',
    copied: '링크를 복사했습니다. 링크에는 입력한 값이 담겨 있습니다.',
    copyManual: '아래 링크를 직접 복사하세요. 링크에는 입력한 값이 담겨 있습니다.',
    linkLabel: '공유 링크',
    sumH: '한눈에 보기',
    footer: '데이터 {v} · 수치 기준일 {d} · 환율 US$ 1 = {r}원',
  },
  en: {
    loading: 'Loading the calculator…',
    loadFail: 'The calculator could not be loaded. Please reload the page.',
    restLoading: 'Loading the charts, the market ranking, the way in and the list of support measures…',
    restFail:
      'The charts, the market ranking, the way in, the list of support measures, printing and CSV could not be loaded. The answer at a glance above stands as it is.',
    retry: 'Try again',
    inputH: 'About your company',
    privacy: 'Everything you type is calculated in this browser and sent nowhere.',
    revenueKrw: 'Average yearly revenue (last 3 years, KRW)',
    amountHint: 'In won, e.g. 3500000000, 35억 or 3억 5천만',
    sector: 'Sector',
    choose: 'Choose',
    market: 'Target market',
    other: 'Other',
    more: 'More details (optional)',
    moreHint: 'The more you answer, the narrower the range and the surer the support check.',
    currentExportsKrw: 'Current total exports (per year, KRW)',
    exportsToMarketKrw: 'Exports to the target market (per year, KRW)',
    totalAssetsKrw: 'Total assets (KRW)',
    medCorp: 'We are a non-profit medical corporation (의료법인)',
    medCorpHint: 'Medical corporations are not enterprises under the SME Act, so SME support does not apply.',
    readinessH: 'Export readiness',
    certification: 'Do you hold a certification or registration valid in the target market?',
    localPartner: 'Do you have a local partner or distributor?',
    exportExperience: 'Have you exported before?',
    localLanguage: 'Do you have product or service material in the market’s language?',
    yes: 'Yes',
    no: 'No',
    unk: 'Don’t know / skip',
    resultsH: 'Results',
    placeholder: 'Enter your revenue and sector and the results appear here at once.',
    stale: 'Correct the input to update the results. Below are the last results calculated.',
    copy: 'Copy link',
    print: 'Print or save as PDF',
    csv: 'Download CSV',
    json: 'Download calculation (JSON)',
    copied: 'Link copied. The link contains the values you typed.',
    copyManual: 'Copy the link below by hand. The link contains the values you typed.',
    linkLabel: 'Share link',
    sumH: 'At a glance',
    footer: 'Dataset {v} · figures as of {d} · US$ 1 = KRW {r}',
  },
};

/** Adds the cards' words (full.js's CARD_STRINGS, when the full module is in; again is harmless).
 *  @param {Record<string, Record<string, any>>} more */
export function addStrings(more) {
  for (const lang of /** @type {const} */ (['ko', 'en'])) Object.assign(STRINGS[lang], more[lang]);
}

/** The string `k` in `lang`, with each "{name}" replaced by vars[name]. */
export function text(lang, k, vars) {
  let s = STRINGS[lang][k] ?? k;
  for (const v in vars) s = s.split('{' + v + '}').join(vars[v]);
  return s;
}
