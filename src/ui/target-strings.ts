// Strings of the coverage-target control, loaded with it on first use. `en`
// is typed as `typeof zh`, so a key missing from either language is a compile error.
import type { Lang } from './i18n';

const zh = {
  label: '覆盖目标（%）',
  hint: '覆盖率低于目标的街道及合计行标为“▼ 未达目标”；统计 JSON 导出含 target 与 meets_target，统计 CSV 含各服务是否达到目标。',
  /** Column and cells of the statistics CSV with a target. */
  csv: { meets: (service: string, target: string) => `${service}达到覆盖目标 ${target}`, yes: '是', no: '否' },
};
const en: typeof zh = {
  label: 'Coverage target (%)',
  hint: 'Rows whose covered share is below the target are marked “▼ below target”; the statistics JSON export carries target and meets_target, the statistics CSV whether each service meets it.',
  csv: { meets: (service: string, target: string) => `${service} meets the coverage target of ${target}`, yes: 'yes', no: 'no' },
};

export const TARGET_STRINGS: Record<Lang, typeof zh> = { zh, en };
