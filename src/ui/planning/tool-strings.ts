// The planning tools' strings the first page load shows: the headings and
// buttons of the tools that load on first use (src/ui/LazyTool.svelte, whose
// `name` is the tool's title) and the label of a proposed hall, which a link
// or the browser's store can bring before any tool is opened. The rest of the
// tools' strings (planning-strings.ts) load with the first tool. Merged into
// i18n.ts as `tools`; the English ones (tool-strings-en.ts) come with the
// English interface strings (strings-en.ts), typed as `typeof zh`.

const zh = {
  title: '规划',
  suggestTitle: '推荐新址',
  exportTitle: '导出',
  importTitle: '导入数据',
  reportOpen: '生成报告',
  projectTitle: '项目文件',
  toolOpen: (name: string) => `打开“${name}”`,
  toolLoading: (name: string) => `正在加载“${name}”…`,
  toolFailed: (name: string) => `“${name}”未能加载：网络中断，或网站已更新。请刷新页面后再试。`,
  toolRetry: '重试',
  proposedName: (n: number) => `拟建服务点 ${n}`,
};

export type ToolStrings = typeof zh;

export const TOOL_STRINGS_ZH = zh;
