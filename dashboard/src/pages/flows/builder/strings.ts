// The picker and preview controls' text, in the dashboard's two locales. Kept beside the module
// (not in i18n/en.ts) while the editor's keys are still moving; same `{name}` placeholders.
import { useI18n } from '../../../i18n/context';
import type { Locale } from '../../../i18n/translate';

const en = {
  pick: 'Pick on page',
  picking: 'Pick the element in the window that opened…',
  picked: 'Picked “{text}” on {url}: {count}.',
  pickedNoText: 'Picked on {url}: {count}.',
  one: '1 match',
  many: '{matches} matches',
  notUnique: 'This selector finds {matches} elements: the step will point at the first.',
  page: 'Page',
  pageHint: 'The page of your app to open (the Onward SDK must be installed there).',
  preview: 'Preview on page',
  previewOpen: 'The preview runs in the window that opened; it sends no analytics.',
  previewInvalid: 'Fix the flow before previewing it: {message}',
  previewRefused: 'The page refused the flow: {message}',
  blocked: 'The browser blocked the window: allow pop-ups for this dashboard.',
  cancelled: 'Picking cancelled.',
  closed: 'The window was closed before an element was picked.',
  'invalid-url': 'Enter an http(s) URL or a path such as /demo.',
} as const;

type Key = keyof typeof en;

const zhCN: Record<Key, string> = {
  pick: '在页面上选取',
  picking: '请在新打开的窗口中选取元素…',
  picked: '已在 {url} 上选取“{text}”：{count}。',
  pickedNoText: '已在 {url} 上选取：{count}。',
  one: '匹配 1 个',
  many: '匹配 {matches} 个',
  notUnique: '该选择器匹配 {matches} 个元素：步骤将指向第一个。',
  page: '页面',
  pageHint: '要打开的应用页面（需已安装 Onward SDK）。',
  preview: '在页面上预览',
  previewOpen: '预览在新窗口中运行，不发送任何分析数据。',
  previewInvalid: '请先修正流程再预览：{message}',
  previewRefused: '页面拒绝了该流程：{message}',
  blocked: '浏览器拦截了弹出窗口：请允许此控制台弹出窗口。',
  cancelled: '已取消选取。',
  closed: '窗口在选取元素前被关闭。',
  'invalid-url': '请输入 http(s) 地址或 /demo 这样的路径。',
};

const DICTIONARIES: Record<Locale, Record<Key, string>> = { en, 'zh-CN': zhCN };

/** `t('picked', { text })` for the builder controls, in the dashboard's current locale. */
export function useBuilderText() {
  const { locale } = useI18n();
  return (key: Key, vars: Record<string, string | number> = {}): string =>
    DICTIONARIES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
