// The first-answer module (./pkg-first/, feature `first`): the answer at a glance and what the form
// needs before the full module (./pkg/) is in. Same types as the full module's.
export {
  glance,
  datasetInfo,
  parseAmount,
  formatAmount,
  formatUsd,
  amountEcho,
  default,
} from '../pkg/sme_export';
