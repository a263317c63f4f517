// NPS: a 0–10 score (sent at once), then an optional comment, then thanks and complete().
import { useEffect, useRef, useState } from 'preact/hooks';
import { CloseButton } from './chrome';
import { useFocusIn } from './hooks';
import type { StepProps } from './props';

const THANKS_MS = 2500;
const ENDS: Record<number, string> = { 0: 'Not likely', 10: 'Very likely' };

function Scale({ pick }: { pick: (score: number) => void }) {
  return (
    <>
      <div class="ow-scale" role="group" aria-labelledby="ow-t">
        {Array.from({ length: 11 }, (_, n) => (
          <button type="button" aria-label={ENDS[n] && `${n}, ${ENDS[n]}`} onClick={() => pick(n)}>
            {n}
          </button>
        ))}
      </div>
      <div class="ow-ends" aria-hidden="true">
        <span>{ENDS[0]}</span>
        <span>{ENDS[10]}</span>
      </div>
    </>
  );
}

/** Survey step. Once a score is in, closing completes the flow instead of dismissing it. */
export function Survey({ view, cb, env }: StepProps) {
  const [score, setScore] = useState<number | null>(null);
  const [sent, setSent] = useState(false);
  const [comment, setComment] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  useFocusIn(box, score !== null);
  useEffect(() => {
    if (score !== null) env.setClose(() => cb.complete());
  });
  useEffect(() => {
    if (!sent) return undefined;
    const timer = setTimeout(() => cb.complete(), THANKS_MS);
    return () => clearTimeout(timer);
  }, [sent]);
  const pick = (n: number) => {
    setScore(n);
    cb.survey(n);
  };
  const send = () => {
    if (score !== null && comment.trim()) cb.survey(score, comment.trim());
    setSent(true);
  };
  return (
    <div class="ow-dock">
      <div class="ow-card" role="dialog" aria-labelledby="ow-t">
        <CloseButton onClose={env.close} />
        <h2 id="ow-t">{view.text.title || 'How likely are you to recommend us?'}</h2>
        {score === null && <Scale pick={pick} />}
        {score !== null && !sent && (
          <>
            <label for="ow-c">{view.text.body || 'Tell us why (optional)'}</label>
            <textarea
              id="ow-c"
              ref={box}
              maxLength={1000}
              value={comment}
              onInput={(e) => setComment(e.currentTarget.value)}
            />
            <div class="ow-foot">
              <button type="button" class="ow-btn ow-pri" onClick={send}>
                Send
              </button>
            </div>
          </>
        )}
        <div role="status">{sent ? 'Thank you!' : ''}</div>
      </div>
    </div>
  );
}
