/** Where things sit inside a project archive (docs/projectArchive.md); the model folders are projectArchiveModels.ts. */
export const MANIFEST_PATH = 'tinyml-project.json';

export const samplePath = (id: string) => `samples/${id}.bin`;
