// Render the math that pymdownx.arithmatex (generic mode) leaves in .arithmatex elements,
// with the KaTeX copy served from this site. Material's instant navigation swaps pages
// without reloading, so render on every page change.
document$.subscribe(({ body }) => {
  renderMathInElement(body, {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "$", right: "$", display: false },
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    throwOnError: false,
  });
});
