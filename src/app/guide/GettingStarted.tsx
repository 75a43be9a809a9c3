import { useState } from 'react';
import type { GuideProgress, GuideStep } from '../../core/guide/gettingStarted';
import { useGuide } from '../../state/guideStore';
import { routeHref } from '../useRoute';
import { useGettingStarted } from './useGettingStarted';
import './guide.css';

const dismiss = () => void useGuide.getState().setDismissed(true);
const reopen = () => void useGuide.getState().setDismissed(false);

function heading(progress: GuideProgress): string {
  return `Getting started · ${progress.doneCount} of ${progress.steps.length}`;
}

function StepList({ progress, details }: { progress: GuideProgress; details: 'all' | 'next' }) {
  return (
    <ol className="guide-steps">
      {progress.steps.map((step, i) => (
        <StepItem
          key={step.id}
          step={step}
          number={i + 1}
          showDetail={details === 'all' || step === progress.next}
        />
      ))}
    </ol>
  );
}

function StepItem({ step, number, showDetail }: { step: GuideStep; number: number; showDetail: boolean }) {
  return (
    <li
      className={`guide-step ${step.done ? 'done' : ''}`}
      data-testid="guide-step"
      data-step={step.id}
      data-done={step.done}
    >
      <span className="guide-mark" role="img" aria-label={step.done ? 'done' : `step ${number}, to do`}>
        {step.done ? '✓' : number}
      </span>
      <span className="guide-text">
        <a href={routeHref(step.page)} title={showDetail ? undefined : step.detail}>
          {step.title}
        </a>
        {showDetail && <span className="guide-detail">{step.detail}</span>}
      </span>
    </li>
  );
}

/** The checklist under the sidebar's navigation: collapsed to its count and next step until opened. */
export function SidebarGuide() {
  const { progress, dismissed } = useGettingStarted();
  const [expanded, setExpanded] = useState(false);
  if (dismissed === null) return null;
  if (dismissed)
    return (
      <button type="button" className="guide-reopen" data-testid="guide-reopen" onClick={reopen}>
        Show the getting-started guide ({progress.doneCount} of {progress.steps.length})
      </button>
    );
  const next = progress.next;
  return (
    <section className="guide guide-sidebar" data-testid="guide-sidebar" aria-label="Getting started">
      <details open={expanded} onToggle={(e) => setExpanded(e.currentTarget.open)}>
        <summary data-testid="guide-summary">{heading(progress)}</summary>
        <StepList progress={progress} details="next" />
      </details>
      {!expanded && next && (
        <a className="guide-next" href={routeHref(next.page)} data-testid="guide-next">
          Next: {next.title}
        </a>
      )}
      {!expanded && !next && <p className="guide-next">All done.</p>}
      <button type="button" className="guide-dismiss" onClick={dismiss}>
        Hide the guide
      </button>
    </section>
  );
}

/** The checklist in full on the Welcome and Projects pages, while the project has steps left. */
export function PageGuide() {
  const { progress, dismissed } = useGettingStarted();
  if (dismissed !== false || !progress.next) return null;
  return (
    <section className="card guide guide-page" data-testid="guide-page" aria-labelledby="guide-page-title">
      <div className="guide-page-head">
        <h2 id="guide-page-title">{heading(progress)}</h2>
        <button type="button" className="btn small" onClick={dismiss}>
          Hide the guide
        </button>
      </div>
      <p className="muted small">
        From the virtual board to an Arduino library on your desk. Each step ticks itself off when the project
        has it done.
      </p>
      <StepList progress={progress} details="all" />
    </section>
  );
}
