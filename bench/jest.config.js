/** Unit tests of the pure helpers; the benchmarks themselves run through `npm run bench`. */
module.exports = require('../jest.preset.js').unitProject(__dirname);
