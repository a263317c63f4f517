import { CopyButton } from './copy-button';

/** Preformatted code with a copy button; `label` names the block for screen readers. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <figure class="code-block">
      <figcaption class="sr-only">{label}</figcaption>
      <pre tabIndex={0}>
        <code>{code}</code>
      </pre>
      <div class="code-copy">
        <CopyButton text={code} />
      </div>
    </figure>
  );
}
