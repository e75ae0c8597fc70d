// babel-preset-taro compiles src for both targets; jest reuses it so tests see the same code.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
