import { deployableBoards } from '../../core/mcu/boards';
import { targetBoard } from '../../core/mcu/targetBoard';
import { currentProject, useProjects } from '../../state/projectsStore';

/** The project's target board, stored with the project (a reload keeps it). */
export function TargetBoardPicker() {
  const project = useProjects(currentProject);
  const board = targetBoard(project?.targetBoard);
  return (
    <label>
      Target board
      <select
        data-testid="target-board"
        value={board.id}
        disabled={!project}
        onChange={(e) => void useProjects.getState().setTargetBoard(e.target.value)}
      >
        {deployableBoards().map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
    </label>
  );
}
