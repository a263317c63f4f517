// The public surface of `window.Onward` and `createOnward()` (CONTRACT.md §2).

/** Segment-spec traits of a user (`email`, `name`, `createdAt`, `plan`, …) or an account. */
export type Traits = Record<string, unknown>;

/** Free-form event or page properties. */
export type Properties = Record<string, unknown>;

/** Options of `identify`. */
export type IdentifyOptions = {
  /** Hex HMAC-SHA256(identity secret, userId), computed by your backend for identity verification. */
  userHash?: string;
};

/** Names `on`/`off` accept: what the guides engine emits. */
export const ONWARD_EVENTS = [
  'flow:started',
  'step:viewed',
  'flow:completed',
  'flow:dismissed',
  'survey:responded',
] as const;

/** One of {@link ONWARD_EVENTS}. */
export type OnwardEventName = (typeof ONWARD_EVENTS)[number];

/** What a listener receives: the flow, and the step or survey answer when there is one. */
export type OnwardEvent = {
  flowId: string;
  flowVersion?: number;
  stepId?: string;
  stepIndex?: number;
  score?: number;
  comment?: string;
};

/** A listener passed to `on`. */
export type OnwardHandler = (event: OnwardEvent) => void;

/** Options of `createOnward`. */
export type OnwardOptions = {
  /** The workspace's publishable key (`pk_…`). */
  writeKey: string;
  /**
   * Origin of the Onward server.
   * @default the page's own origin (`location.origin`); the script tag defaults to its `src` origin
   */
  apiHost?: string;
  /**
   * Send a `page` on start and on every SPA navigation.
   * @default true
   */
  autoPage?: boolean;
  /**
   * Log what the SDK does to the console, prefixed `[Onward]`.
   * @default false (also on with `?onward_debug=1` or storage `onward:debug`)
   */
  debug?: boolean;
  /**
   * How long a tooltip or hotspot waits for its target element before it is reported missing
   * and shown centred. The script tag reads `data-target-wait`.
   * @default 5000
   */
  targetWait?: number;
};

/** The Onward API. No method ever throws: bad arguments are logged (in debug mode) and ignored. */
export type OnwardApi = {
  /** @example Onward.identify('u_42', { email: 'ada@example.com', createdAt: '2024-05-01' }, { userHash }) */
  identify(userId: string | number, traits?: Traits, options?: IdentifyOptions): void;
  /** Traits of the current (possibly anonymous) user. @example Onward.identify({ plan: 'pro' }) */
  identify(traits: Traits): void;
  /** @example Onward.group('acme', { name: 'Acme', plan: 'pro', seats: 40 }) */
  group(accountId: string | number, traits?: Traits): void;
  /** @example Onward.track('Report Created', { format: 'pdf' }) */
  track(event: string, properties?: Properties): void;
  /** @example Onward.page('Pricing') — usually automatic */
  page(name?: string, properties?: Properties): void;
  /** @example Onward.page({ section: 'faq' }) */
  page(properties: Properties): void;
  /**
   * Start a delivered flow now (solicited: the throttle does not apply). Starting a flow that is
   * already on screen does nothing. @example Onward.show('welcome-tour')
   */
  show(flowId: string): void;
  /** Close the flow on screen (sends `Onward Flow Dismissed`). @example Onward.dismiss() */
  dismiss(): void;
  /** Log out: forget the user and account, start a new anonymous id. @example Onward.reset() */
  reset(): void;
  /** Listen to a guide event; returns the function that stops listening. @example Onward.on('flow:completed', (e) => console.log(e.flowId)) */
  on(name: OnwardEventName, handler: OnwardHandler): () => void;
  /** Stop listening. @example Onward.off('flow:completed', handler) */
  off(name: OnwardEventName, handler: OnwardHandler): void;
  /**
   * Turn console logging on or off; remembered in storage. On, the SDK also says why each flow
   * is or is not showing. @example Onward.debug(true)
   */
  debug(on?: boolean): void;
  /** Send what is queued now; resolves when that attempt ends. @example await Onward.flush() */
  flush(): Promise<void>;
  /** Stop timers and listeners and restore `history` (tests, micro-frontends). @example onward.dispose() */
  dispose(): void;
  /** The SDK version. */
  readonly version: string;
};
