// The planning tools' strings the first page load shows: the headings and
// buttons of the tools that load on first use (src/ui/LazyTool.svelte, whose
// `name` is the tool's title) and the label of a proposed hall, which a link
// or the browser's store can bring before any tool is opened. The rest of the
// tools' strings (planning-strings.ts) load with the first tool. Merged into
// i18n.ts as `tools`; `en` is typed as `typeof zh`.

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

const en: ToolStrings = {
  title: 'Planning',
  suggestTitle: 'Suggest sites',
  exportTitle: 'Export',
  importTitle: 'Bring your own data',
  reportOpen: 'Report',
  projectTitle: 'Project file',
  toolOpen: (name) => `Open “${name}”`,
  toolLoading: (name) => `Loading “${name}”…`,
  toolFailed: (name) => `“${name}” could not be loaded: the connection failed, or the site has been updated. Reload the page and try again.`,
  toolRetry: 'Try again',
  proposedName: (n) => `Proposed hall ${n}`,
};

export const TOOL_STRINGS = { zh, en };
