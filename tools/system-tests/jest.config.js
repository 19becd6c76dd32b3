const { jestProject } = require('../../jest.preset');

// Each file starts the whole system (five processes and the local servers): one file at a time,
// so two systems never compete for this machine's two cores.
module.exports = jestProject(__dirname, 'system-tests', { maxWorkers: 1, testTimeout: 180_000 });
