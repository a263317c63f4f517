// The flows seeded on first start, placed on the /demo app's stable selectors (web/demo/README.md),
// so `npm start` shows a tour at once. One of each kind the SDK renders.
import type { FlowInput } from '../contracts/flows';

// The demo shows a sign-in screen first: guides are for signed-in (identified) users.
const signedIn = { trait: 'email', op: 'exists' } as const;

const en = (title: string, body?: string) => ({ en: body === undefined ? { title } : { title, body } });

export const DEMO_FLOWS: FlowInput[] = [
  {
    id: 'welcome-tour',
    name: 'Welcome tour',
    kind: 'tour',
    trigger: { type: 'page', url: '/demo*', match: 'glob' },
    audience: signedIn,
    frequency: 'once',
    priority: 100,
    goal: { event: 'Report Created', withinDays: 7 },
    holdout: 0,
    steps: [
      {
        id: 'welcome',
        type: 'modal',
        content: {
          en: { title: 'Welcome to Acme, {{user.firstName|there}}!', body: 'Three steps to your first report. You can close this tour at any time.' },
          'zh-CN': { title: '欢迎使用 Acme，{{user.firstName|朋友}}！', body: '三步完成您的第一份报告。您可以随时关闭本引导。' },
        },
      },
      {
        id: 'projects-nav',
        type: 'tooltip',
        target: '#nav-projects',
        placement: 'right',
        content: {
          en: { title: 'Your projects', body: 'Everything starts with a project. **Click Projects** to open them.' },
          'zh-CN': { title: '您的项目', body: '一切从项目开始。**点击“项目”**打开它们。' },
        },
        advance: { on: 'click' },
      },
      {
        id: 'new-project',
        type: 'tooltip',
        target: '#new-project',
        url: '/demo/projects',
        placement: 'bottom',
        spotlight: true,
        content: {
          en: { title: 'Create your first project', body: 'Give it a name; reports live inside projects.' },
          'zh-CN': { title: '创建第一个项目', body: '为它命名；报告都在项目里。' },
        },
        advance: { on: 'event', event: 'Project Created' },
      },
      {
        id: 'done',
        type: 'modal',
        content: {
          en: { title: 'Nicely done', body: 'Open the project and create a **report** next. The checklist in the corner keeps track.' },
          'zh-CN': { title: '做得好', body: '接下来打开项目并创建一份**报告**。右下角的清单会记录进度。' },
        },
      },
    ],
  },
  {
    id: 'getting-started',
    name: 'Getting started checklist',
    kind: 'checklist',
    trigger: { type: 'page', url: '/demo*', match: 'glob' },
    audience: signedIn,
    frequency: 'until_completed',
    priority: 10,
    steps: [
      {
        id: 'checklist',
        type: 'checklist',
        content: en('Getting started', 'Three things to do in your first week.'),
        items: [
          { id: 'project', content: en('Create a project'), completeOn: { event: 'Project Created' }, action: { href: '/demo/projects' } },
          { id: 'report', content: en('Create a report'), completeOn: { event: 'Report Created' }, action: { href: '/demo/reports' } },
          { id: 'invite', content: en('Invite a teammate'), completeOn: { event: 'Teammate Invited' }, action: { href: '/demo/teammates' } },
        ],
      },
    ],
  },
  {
    id: 'reports-hotspot',
    name: 'Reports feature tip',
    kind: 'tip',
    trigger: { type: 'event', event: 'Project Created' },
    audience: signedIn,
    frequency: 'once',
    priority: 5,
    steps: [
      {
        id: 'reports',
        type: 'hotspot',
        target: '#nav-reports',
        placement: 'right',
        content: en('Reports across projects', 'See every report in one place, and compare them.'),
      },
    ],
  },
  {
    id: 'whats-new',
    name: "What's new banner",
    kind: 'banner',
    trigger: { type: 'page', url: '/demo/reports*', match: 'glob' },
    audience: signedIn,
    frequency: { everyDays: 30 },
    priority: 1,
    steps: [
      {
        id: 'banner',
        type: 'banner',
        position: 'top',
        content: en('New: area charts', 'Reports can now be drawn as **area charts**.'),
      },
    ],
  },
  {
    id: 'nps',
    name: 'NPS survey',
    kind: 'survey',
    trigger: { type: 'event', event: 'Report Created' },
    audience: signedIn,
    frequency: { everyDays: 90 },
    priority: 20,
    steps: [
      {
        id: 'score',
        type: 'survey',
        content: en('How likely are you to recommend Acme to a friend or colleague?', 'What is the main reason for your score?'),
      },
    ],
  },
  {
    id: 'welcome-back',
    name: 'Welcome back',
    kind: 'modal',
    trigger: { type: 'return' },
    audience: signedIn,
    frequency: { everyDays: 14 },
    priority: 50,
    steps: [
      {
        id: 'welcome-back',
        type: 'modal',
        content: en('Welcome back, {{user.firstName|there}}', "Since your last visit: **area charts** in reports, and faster project search."),
      },
    ],
  },
];
