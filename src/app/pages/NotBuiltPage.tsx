import type { Stage } from '../routes';

export function NotBuiltPage({ stage }: { stage: Stage }) {
  return (
    <section className="not-built">
      <h1>{stage.title}</h1>
      <div className="callout">
        <strong>Not built yet.</strong> This stage is planned but not available in this version of the studio.
        <p>
          When it is ready, it will let you: {stage.purpose.charAt(0).toLowerCase() + stage.purpose.slice(1)}
        </p>
        <p>
          Meanwhile, collect and curate your data on the <a href="#/data">Data acquisition</a> page:
          everything you record now will be used by the later stages.
        </p>
      </div>
    </section>
  );
}
