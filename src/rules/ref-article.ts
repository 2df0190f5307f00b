// ref/article: when a law lists its articles, a citation of it must name one of them.
import { defineRule } from './types.js';
import { citations } from '../catalogue/walk.js';
import { suggest } from './suggest.js';

export default defineRule({
  id: 'ref/article',
  severity: 'error',
  stage: 'catalogue',
  messages: ['unknown', 'unknown-did-you-mean', 'law-articles'],
  *check({ catalogue, entries }) {
    for (const citation of citations(catalogue, entries)) {
      const { article } = citation.value;
      const law = catalogue.lawById.get(citation.value.law);
      // An empty list is read like an absent one: the law's articles are simply not listed.
      if (article === undefined || !law?.value.articles?.length || law.value.articles.includes(article)) continue;
      const guess = suggest(article, law.value.articles);
      yield {
        ruleId: 'ref/article',
        messageId: guess ? 'unknown-did-you-mean' : 'unknown',
        data: { article, law: law.value.title, suggestion: guess ?? '' },
        place: { file: citation.file, path: [...citation.path, 'article'] },
        related: [{ place: { file: law.file, path: [...law.path, 'articles'] }, messageId: 'law-articles', data: { law: law.value.title } }],
      };
    }
  },
});
