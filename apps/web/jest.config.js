/** Unit tests: pure and fast; UI flows run in a real browser from test/. */
module.exports = require('../../jest.preset.js').unitProject(__dirname);
