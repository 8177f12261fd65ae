// Strings of the coverage-target control, loaded with it on first use. `en`
// is typed as `typeof zh`, so a key missing from either language is a compile error.
import type { Lang } from './i18n';

const zh = {
  label: '覆盖目标（%）',
  hint: '覆盖率低于目标的街道及合计行标为“▼ 未达目标”；统计 JSON 导出含 target 与 meets_target。',
};
const en: typeof zh = {
  label: 'Coverage target (%)',
  hint: 'Rows whose covered share is below the target are marked “▼ below target”; the statistics JSON export carries target and meets_target.',
};

export const TARGET_STRINGS: Record<Lang, typeof zh> = { zh, en };
