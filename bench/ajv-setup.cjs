// ajv-cli `-c` module: the same ajv set-up as qingdan's own (src/schema/) — the `date` and `uri` formats from
// ajv-formats, and the editor annotations of the published schemas (markdownDescription, markdownEnumDescriptions —
// VS Code / YAML language server keywords) as known keywords so that strict mode accepts them. Without these ajv-cli would either reject the schemas (strict) or skip
// format checks, and do less work than qingdan.
const addFormats = require('ajv-formats');

module.exports = function setup(ajv) {
  addFormats(ajv, ['date', 'uri']);
  // The annotation keywords of the VS Code JSON / YAML language servers; strict mode still rejects any other.
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions', 'enumDescriptions', 'defaultSnippets', 'deprecationMessage', 'doNotSuggest']);
  return ajv;
};
