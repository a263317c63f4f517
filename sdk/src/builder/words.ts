// The builder's own words, in the dashboard's language: the dashboard adds ?onward_lang=<its locale>
// when it opens the page. English unless that is Chinese.

export type Words = {
  picker: string;
  pick: string;
  cancel: string;
  picking: string;
  paused: string;
  matches(n: number): string;
  picked(selector: string, matches: string): string;
  preview: string;
  waiting: string;
  restart: string;
  exit: string;
  previewing(name: string): string;
  ended(name: string, completed: boolean): string;
  noGuides: string;
  invalid(reason: string): string;
};

const EN: Words = {
  picker: 'Onward element picker',
  pick: 'Pick element',
  cancel: 'Cancel',
  picking: 'Click an element to pick it (Enter picks the focused one, Esc cancels)',
  paused: 'Paused: use the page, then press Pick element',
  matches: (n) => `${n} ${n === 1 ? 'match' : 'matches'}`,
  picked: (selector, matches) => `Picked ${selector} (${matches}); sent to Onward`,
  preview: 'Onward preview',
  waiting: 'Preview — waiting for the flow from Onward…',
  restart: 'Restart',
  exit: 'Exit',
  previewing: (name) => `Preview — ${name}`,
  ended: (name, completed) => `Preview — ${name}: ${completed ? 'completed' : 'dismissed'}`,
  noGuides: 'Preview — the guides could not load',
  invalid: (reason) => `Preview — invalid flow: ${reason}`,
};

const ZH: Words = {
  picker: 'Onward 元素选择器',
  pick: '选择元素',
  cancel: '取消',
  picking: '点击一个元素来选择它（Enter 选择当前聚焦的元素，Esc 取消）',
  paused: '已暂停：先操作页面，再按“选择元素”',
  matches: (n) => `${n} 个匹配`,
  picked: (selector, matches) => `已选择 ${selector}（${matches}），已发送到 Onward`,
  preview: 'Onward 预览',
  waiting: '预览——等待 Onward 发送流程…',
  restart: '重新开始',
  exit: '退出',
  previewing: (name) => `预览——${name}`,
  ended: (name, completed) => `预览——${name}：${completed ? '已完成' : '已关闭'}`,
  noGuides: '预览——引导无法加载',
  invalid: (reason) => `预览——流程无效：${reason}`,
};

/**
 * @example
 * wordsFor('?onward_builder=3f9a0c1d&onward_lang=zh-CN').pick; // '选择元素'
 */
export function wordsFor(search: string): Words {
  return /[?&]onward_lang=zh\b/i.test(search) ? ZH : EN;
}
