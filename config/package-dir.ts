// Where access packages are kept unless ACCESS_PACKAGE_DIR says otherwise: beside the rest
// of the engine's local state, encrypted, and deleted by the purge when retention ends.
export const DEFAULT_ACCESS_PACKAGE_DIR = '.data/access-packages';
