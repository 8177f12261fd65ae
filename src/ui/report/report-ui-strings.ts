// Strings of the report view's controls and of the PNG export's resolution
// choice, loaded with them (not in the first load: the size budget). The
// report's own words are the CLI's (src/core/report/report-strings.ts).
// `en` is typed as `typeof zh`, so a key missing from either language is a
// compile error.
import type { Lang } from '../i18n';

const zh = {
  pngResolution: '图片分辨率',
  pngScreen: '屏幕',
  pngPrint: (n: number) => `打印 ${n}×`,
  reportTools: '报告',
  reportScope: '范围',
  reportWhole: '全区',
  reportArea: (name: string) => `所选区域：${name}`,
  reportPrint: '打印 / 存为 PDF',
  reportClose: '返回地图',
  reportMaking: '正在生成地图…',
  reportFailed: (msg: string) => `地图未能生成：${msg}`,
  reportMapAlt: (svc: string, r: string) => `${svc}覆盖地图，半径 ${r}，含比例尺、指北针和图例`,
  reportCompareNone: '选择两个不同的方案，报告即附上它们的对比。',
  reportCompareMapAlt: (a: string, b: string) => `${b} 与 ${a} 的覆盖差异地图，含比例尺、指北针和图例`,
  reportHatchGained: '绿色斜线：',
  reportHatchLost: '深橙色反向斜线、虚线边：',
  reportHallsA: (a: string) => `方案 A（${a}）拟建服务点`,
  reportHallsB: (b: string) => `方案 B（${b}）拟建服务点`,
  reportMarkA: '蓝色空心方框：',
  reportMarkB: '黄色实心菱形：',
};

const en: typeof zh = {
  pngResolution: 'Image resolution',
  pngScreen: 'Screen',
  pngPrint: (n) => `Print ${n}×`,
  reportTools: 'Report',
  reportScope: 'Scope',
  reportWhole: 'Whole district',
  reportArea: (name) => `Selected area: ${name}`,
  reportPrint: 'Print / save as PDF',
  reportClose: 'Back to the map',
  reportMaking: 'Making the map…',
  reportFailed: (msg) => `The map could not be made: ${msg}`,
  reportMapAlt: (svc, r) => `Coverage map of ${svc}, radius ${r}, with scale bar, north arrow and legend`,
  reportCompareNone: 'Pick two different scenarios to add their comparison to the report.',
  reportCompareMapAlt: (a, b) => `Map of where ${b} and ${a} cover different people, with scale bar, north arrow and legend`,
  reportHatchGained: 'Green hatch: ',
  reportHatchLost: 'Dark orange hatch the other way, dashed edge: ',
  reportHallsA: (a) => `Scenario A (${a}): proposed halls`,
  reportHallsB: (b) => `Scenario B (${b}): proposed halls`,
  reportMarkA: 'Blue hollow square: ',
  reportMarkB: 'Ochre filled diamond: ',
};

export const REPORT_UI_STRINGS: Record<Lang, typeof zh> = { zh, en };
