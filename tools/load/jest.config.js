const { jestProject } = require('../../jest.preset');

// A load run starts the whole system: one file at a time on this machine's two cores.
module.exports = jestProject(__dirname, 'load', { maxWorkers: 1, testTimeout: 300_000 });
