export interface Project {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /**
   * The board the project is built for (an id of the MCU board catalogue, e.g. "nano33ble"); absent until the
   * user picks one, when the Profiling page and Training use the default board.
   */
  targetBoard?: string;
}
