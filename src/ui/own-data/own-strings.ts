// Strings of the own-data banner, storage notices, link notice and project
// file, merged into i18n.ts as `own`, fetched with the first tool or the banner (loadPlanningStrings). `en` is typed as `typeof zh`, so a key
// missing from either language is a compile error.
import type { Lang } from '../i18n';

const zh = {
  loadedOn: (date: string) => `自有数据，载入于 ${date}`,
  keptHint: '已保存在此浏览器中，重新载入或重启浏览器后仍会显示。',
  backToSample: '返回示例数据',
  backToSampleHint: '同时清除此浏览器中保存的自有数据',
  /** Why own data was not kept: storage full, not allowed, or the browser's words. */
  notKept: (why: string) => `自有数据未能保存在此浏览器中：${why}。重新载入页面后将显示示例数据；请用“保存项目”把工作存成文件。`,
  storeFull: '存储空间已满',
  storeUnavailable: '此处不允许保存（隐私模式或存储被禁用）',
  restoreFailed: '此浏览器中保存的自有数据无法再次载入（原因见红色提示），现显示示例数据。',
  linkMissing: (id: string) =>
    `此链接是在自有数据（编号 ${id}）上制作的，而此浏览器中没有这些数据，所以链接中的视图和拟建服务点未应用（否则会落在别的数据上）。请向发送者索取项目文件（.servicecircles.json）并打开。`,
  projectHint: '一个文件保存自有数据、视图和拟建服务点，可交给同事原样打开。',
  projectSave: '保存项目',
  projectOpen: '打开项目',
  projectOpened: (file: string) => `已打开项目：${file}`,
  projectFailed: (msg: string) => `项目无法打开，当前数据未改变：${msg}`,
  projectSaveFailed: (msg: string) => `项目无法保存：${msg}`,
};

export type OwnStrings = typeof zh;

const en: OwnStrings = {
  loadedOn: (date) => `Own data, loaded on ${date}`,
  keptHint: 'Kept in this browser: it shows again after a reload or a browser restart.',
  backToSample: 'Back to the sample',
  backToSampleHint: 'also clears the own data kept in this browser',
  notKept: (why) =>
    `Your own data could not be kept in this browser: ${why}. After a reload the sample shows again; use Save project to keep your work in a file.`,
  storeFull: 'its storage is full',
  storeUnavailable: 'storage is not allowed here (private mode, or storage blocked)',
  restoreFailed: 'The own data kept in this browser could not be loaded again (see the red message); the sample is shown.',
  linkMissing: (id) =>
    `This link was made on own data (number ${id}) that this browser does not have, so its view and proposed halls were not applied (they would land on other data). Ask the sender for the project file (.servicecircles.json) and open it.`,
  projectHint: 'One file with your own data, the view and the proposed halls, for a colleague to open exactly as it is.',
  projectSave: 'Save project',
  projectOpen: 'Open project',
  projectOpened: (file) => `Opened project: ${file}`,
  projectFailed: (msg) => `The project could not be opened; the data shown is unchanged: ${msg}`,
  projectSaveFailed: (msg) => `The project could not be saved: ${msg}`,
};

export const OWN_STRINGS = { zh, en };

/** The banner's date and time, in the interface language (local time). */
export function loadedOnDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  return lang === 'zh'
    ? d.toLocaleString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : d.toLocaleString('en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
