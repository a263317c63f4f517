// A sensible first definition for each kind, so "New flow" opens an editor with something to
// preview. Every starter passes the server's flowInputSchema (starters.test.ts).
import type { FlowInput } from '@onward/server/contracts';
import { FLOW_KINDS } from '@onward/server/contracts';

export type FlowKind = (typeof FLOW_KINDS)[number];
export type Draft = FlowInput;
export type DraftStep = Draft['steps'][number];
export type StepType = DraftStep['type'];

const text = (en: { title?: string; body?: string }, zh: { title?: string; body?: string }) => ({ en, 'zh-CN': zh });
const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** A new step of this type: content in en and zh-CN, the fields the type needs. */
export function newStep(type: StepType, id: string): DraftStep {
  switch (type) {
    case 'tooltip':
      return { id, type, target: '#new-project', placement: 'bottom', content: text({ title: 'Create your first project', body: 'Start **here**.' }, { title: '创建第一个项目', body: '从**这里**开始。' }), advance: { on: 'next' } };
    case 'hotspot':
      return { id, type, target: '#settings', placement: 'right', content: text({ title: 'New: settings', body: 'Your preferences live *here*.' }, { title: '新功能：设置', body: '你的偏好设置在*这里*。' }), advance: { on: 'next' } };
    case 'modal':
      return {
        id, type,
        content: text({ title: 'Welcome, {{user.firstName|there}}!', body: 'Let us show you around in **one minute**.' }, { title: '欢迎，{{user.firstName|朋友}}！', body: '用**一分钟**带你熟悉产品。' }),
        buttons: [{ label: label('Skip', '跳过'), action: 'skip' }, { label: label('Show me', '开始'), action: 'next' }],
      };
    case 'banner':
      return {
        id, type, position: 'top',
        content: text({ body: 'New: **reports** are here. [Learn more](/docs/reports)' }, { body: '新功能：**报表**上线了。[了解更多](/docs/reports)' }),
      };
    case 'checklist':
      return {
        id, type,
        content: text({ title: 'Get started', body: 'Three steps to your first report.' }, { title: '快速上手', body: '三步完成第一份报表。' }),
        items: [
          { id: 'create-project', content: text({ title: 'Create a project' }, { title: '创建项目' }), completeOn: { event: 'Project Created' } },
          { id: 'invite-team', content: text({ title: 'Invite your team' }, { title: '邀请团队成员' }), completeOn: { event: 'Member Invited' } },
          { id: 'first-report', content: text({ title: 'Build a report' }, { title: '创建报表' }), completeOn: { event: 'Report Created' } },
        ],
      };
    case 'survey':
      return { id, type, content: text({ title: 'How likely are you to recommend us to a friend?' }, { title: '你有多大可能向朋友推荐我们？' }) };
  }
}

/** The step types that make sense for a kind; the first is what "Add step" adds. */
export const STEP_TYPES_BY_KIND: Record<FlowKind, readonly StepType[]> = {
  tour: ['tooltip', 'modal', 'hotspot'],
  tip: ['hotspot', 'tooltip'],
  checklist: ['checklist'],
  banner: ['banner'],
  modal: ['modal'],
  survey: ['survey', 'modal'],
};

const NAMES: Record<FlowKind, string> = {
  tour: 'Welcome tour',
  tip: 'Feature tip',
  checklist: 'Getting started checklist',
  banner: 'Announcement banner',
  modal: 'Welcome modal',
  survey: 'NPS survey',
};

/** The definition "New flow" starts from. */
export function starter(kind: FlowKind): Draft {
  const base = { name: NAMES[kind], kind, frequency: 'once' as const, priority: 0, holdout: 0 };
  switch (kind) {
    case 'tour':
      return {
        ...base,
        trigger: { type: 'page', url: '/app/*', match: 'glob' },
        steps: [newStep('modal', 'welcome'), newStep('tooltip', 'new-project'), { ...newStep('tooltip', 'invite'), target: '#invite', content: text({ title: 'Invite your team', body: 'Work is better together.' }, { title: '邀请团队', body: '一起工作更高效。' }) }],
      };
    case 'tip':
      return { ...base, trigger: { type: 'element', selector: '#settings' }, steps: [newStep('hotspot', 'tip')] };
    case 'checklist':
      return { ...base, frequency: 'until_completed', trigger: { type: 'page', url: '/app/*', match: 'glob' }, steps: [newStep('checklist', 'checklist')] };
    case 'banner':
      return { ...base, trigger: { type: 'page', url: '/app/*', match: 'glob' }, steps: [newStep('banner', 'banner')] };
    case 'modal':
      return { ...base, trigger: { type: 'page', url: '/app/*', match: 'glob' }, steps: [newStep('modal', 'welcome')] };
    case 'survey':
      return {
        ...base,
        frequency: { everyDays: 90 },
        trigger: { type: 'page', url: '/app/*', match: 'glob' },
        audience: { all: [{ daysSinceStart: 14, op: 'gte' }] },
        steps: [newStep('survey', 'nps')],
      };
  }
}

export { FLOW_KINDS };
