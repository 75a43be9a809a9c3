import { useEffect } from 'react';
import { formatProblem, precisionProblem, type DeploySubject } from '../../core/deploy/choices';
import { DEPLOY_FORMATS } from '../../core/deploy/formats';
import { featureConfigHash } from '../../core/impulse/impulse';
import { targetBoard } from '../../core/mcu/targetBoard';
import { useDeployment } from '../../state/deploymentStore';
import { currentProject, useProjects } from '../../state/projectsStore';
import { useSelectedImpulse } from '../hooks/useSelectedImpulse';
import { ImpulsePicker } from '../testing/ImpulsePicker';
import { TargetBoardPicker } from '../profiling/TargetBoardPicker';
import { DownloadPanel } from '../deployment/DownloadPanel';
import { FormatChoice } from '../deployment/FormatChoice';
import { FormatContents } from '../deployment/FormatContents';
import { ModelDrop } from '../deployment/ModelDrop';
import { PrecisionChoice } from '../deployment/PrecisionChoice';
import { TargetEstimate } from '../deployment/TargetEstimate';
import '../deployment/deployment.css';

export function DeploymentPage() {
  const { impulse, model } = useSelectedImpulse();
  const project = useProjects(currentProject);
  const board = targetBoard(project?.targetBoard);
  const format = useDeployment((s) => s.format);
  const precision = useDeployment((s) => s.precision);
  const dropped = useDeployment((s) => s.dropped);
  const estimate = useDeployment((s) => s.estimate);
  const building = useDeployment((s) => s.building);
  const buildError = useDeployment((s) => s.buildError);
  const actions = useDeployment.getState();

  const stale = !!impulse && !!model && model.configHash !== featureConfigHash(impulse);
  const usable = impulse && model && !stale ? model : null;
  const subject: DeploySubject | null = dropped
    ? { kind: 'file' }
    : usable
      ? { kind: 'impulse', model: usable }
      : null;
  const problem =
    subject === null
      ? 'Train the impulse, or bring a .tflite, to deploy it.'
      : (formatProblem(subject, format) ??
        (subject.kind === 'impulse' ? precisionProblem(subject.model, precision) : null));

  // A choice that no longer applies (int8 of an unquantised model, a format a k-means block lacks) moves on.
  useEffect(() => {
    if (!usable || dropped) return;
    const { setPrecision, setFormat } = useDeployment.getState();
    if (usable.learn.kind !== 'anomaly' && precisionProblem(usable, precision) !== null) {
      setPrecision(precision === 'int8' ? 'float32' : 'int8');
    }
    if (formatProblem({ kind: 'impulse', model: usable }, format) !== null) setFormat('cpp');
  }, [usable, dropped, precision, format]);

  // The figures of this exact choice on the target board, recomputed when any part of it changes.
  useEffect(() => {
    if (problem !== null) return;
    if (dropped) void useDeployment.getState().estimateDropped(board.id);
    else if (impulse && usable) void useDeployment.getState().estimateImpulse(impulse, usable, board.id);
  }, [problem, dropped, impulse, usable, board.id, format, precision]);

  const download = () => {
    if (dropped) void actions.downloadDropped();
    else if (impulse && usable && project) void actions.downloadImpulse(project.name, impulse, usable);
  };
  const formatTitle = DEPLOY_FORMATS.find((f) => f.id === format)!.title;
  const what = dropped ? dropped.fileName : (impulse?.name ?? 'the impulse');
  return (
    <section className="deployment">
      <div className="page-head">
        <h1>Deployment</h1>
        <ImpulsePicker disabled={building !== null} />
        <TargetBoardPicker />
      </div>
      <p className="muted small">
        Everything is built here, in the page: a .tflite, a header for TensorFlow Lite Micro, or the whole
        impulse as generated C — an Arduino library or a C++ library — whose kernels give the same bits as the
        studio.
      </p>
      {!impulse && !dropped && (
        <div className="callout">
          Design an impulse on the <a href="#/impulse">Impulse design</a> page, or bring a .tflite below.
        </div>
      )}
      {impulse && !model && !dropped && (
        <div className="callout">
          Train “{impulse.name}” on the <a href="#/training">Training</a> page to deploy it, or bring a
          .tflite below.
        </div>
      )}
      {stale && !dropped && (
        <div className="callout warn">
          The impulse changed since its model was trained: train it again on the{' '}
          <a href="#/training">Training</a> page to deploy it.
        </div>
      )}
      <ModelDrop
        fileName={dropped?.fileName ?? null}
        disabled={building !== null}
        onFile={(file) => void actions.dropModel(file)}
        onClear={actions.clearDropped}
      />
      {subject && (
        <div className="deploy-layout">
          <div>
            <FormatChoice
              subject={subject}
              value={format}
              disabled={building !== null}
              onChange={actions.setFormat}
            />
            {subject.kind === 'impulse' && usable && (
              <PrecisionChoice
                model={usable}
                value={precision}
                disabled={building !== null}
                onChange={actions.setPrecision}
              />
            )}
          </div>
          <div>
            <TargetEstimate estimate={problem === null ? estimate : null} boardName={board.name} />
            <DownloadPanel
              label={`Download the ${formatTitle} of “${what}”`}
              blocker={problem}
              building={building}
              error={buildError}
              onDownload={download}
            />
            <FormatContents subject={subject.kind} format={format} />
          </div>
        </div>
      )}
    </section>
  );
}
