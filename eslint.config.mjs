// One flat config for the whole monorepo; each workspace runs `eslint .` against it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/.turbo/**',
      '**/src/generated/**',
      '**/next-env.d.ts',
      '**/test-results/**',
      '**/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // One fact, one place: a form's limits come from the package that enforces them on the server
    // (ARTICLE_LIMITS, IMAGE_LIMITS, the link limits…), never from a number typed into the form.
    files: ['apps/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'JSXAttribute[name.name=/^(maxLength|minLength|pattern|accept)$/] > Literal, JSXAttribute[name.name=/^(maxLength|minLength|pattern|accept)$/] > JSXExpressionContainer > Literal',
          message:
            'Take this limit from the package that enforces it (e.g. ARTICLE_LIMITS from @newsroom/article), not a literal.',
        },
      ],
    },
  },
);
