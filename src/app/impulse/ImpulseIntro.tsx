import { useImpulses } from '../../state/impulseStore';

/** What an impulse is and what to do, for a project that has none yet. */
export function ImpulseIntro() {
  return (
    <div className="card impulse-intro" data-testid="impulse-intro">
      <h2>What is an impulse?</h2>
      <p>An impulse is the pipeline from raw sensor data to a prediction, in three blocks:</p>
      <ol>
        <li>
          <strong>Input</strong> cuts every sample into windows of the same length (e.g. 2 s of the
          accelerometer, every 0.5 s).
        </li>
        <li>
          <strong>Processing</strong> turns each window into features: spectral analysis for motion, MFE or
          MFCC for sound.
        </li>
        <li>
          <strong>Learning</strong> is the model trained on those features: a classifier, a regression or
          anomaly detection.
        </li>
      </ol>
      <p>
        Create one to start: its defaults are chosen from your samples’ axes and rate. Then adjust the blocks,
        generate the features and look at them in the explorer before training on the Training page.
      </p>
      <button className="btn primary" onClick={() => void useImpulses.getState().create()}>
        Create an impulse
      </button>
    </div>
  );
}
