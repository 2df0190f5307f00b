// The format's value lists, apart from the schemas: code that only needs a list (the site, the tables) does not
// load TypeBox and build every schema at start-up.
export const CATEGORIES = [
  'licensing', 'penalty', 'coercion', 'levy', 'benefit', 'inspection', 'confirmation',
  'reward', 'adjudication', 'other', 'public-service', 'review-forward',
] as const;
export const LEVELS = ['national', 'provincial', 'municipal', 'county', 'township'] as const;
export const STATUSES = ['active', 'suspended', 'delegated', 'cancelled'] as const;
export const TIME_UNITS = ['working-days', 'days', 'hours'] as const;
export const ONLINE_STEPS = ['consult', 'intake', 'pre-review', 'accept', 'handle', 'result', 'e-license'] as const;
export const DUTY_STAGES = ['accept', 'review', 'decide', 'deliver', 'supervise', 'other'] as const;
export const LAW_KINDS = ['law', 'administrative-regulation', 'local-regulation', 'rule', 'normative-document'] as const;
export const STEP_TYPES = ['start', 'task', 'decision', 'end'] as const;
export const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'] as const;
export const SECTION_NAMES = ['departments', 'laws', 'powers', 'responsibilities', 'flows'] as const;
