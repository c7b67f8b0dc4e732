/** Unit tests: pure and fast; *.int.spec.ts run in the integration suite (test/jest.config.js). */
module.exports = require('../../jest.preset.js').unitProject(__dirname);
