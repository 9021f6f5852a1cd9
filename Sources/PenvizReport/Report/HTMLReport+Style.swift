extension HTMLReport {
    /// The page's style sheet: a light single column for reading on a laptop,
    /// booktabs-style tables, and print rules that keep figures and tables whole.
    /// It names only fonts installed on the reader's machine and loads nothing.
    static let styleSheet = """
        :root { color-scheme: light; --ink: #1b1f24; --muted: #59626e; --rule: #d5dae1; --accent: #0072b2; --tint: #f2f7fb; }
        * { box-sizing: border-box; }
        html { font-size: 16px; -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: #fff; color: var(--ink); line-height: 1.55;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
        main { max-width: 62rem; margin: 0 auto; padding: 2.75rem 2rem 4rem; }
        header { border-bottom: 2px solid var(--ink); padding-bottom: 1.1rem; margin-bottom: 1.6rem; }
        .kicker { margin: 0 0 .35rem; font-size: .78rem; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); font-weight: 600; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .7rem; font-weight: 700; letter-spacing: -.01em; }
        .lead { margin: .4rem 0 0; color: #343a42; font-size: 1.02rem; max-width: 52rem; }
        h2 { font-size: 1.35rem; line-height: 1.3; margin: 2.8rem 0 .8rem; padding-bottom: .35rem; border-bottom: 1px solid var(--rule); }
        h2 .number { color: var(--accent); margin-right: .35rem; font-variant-numeric: tabular-nums; }
        p { margin: .6rem 0; max-width: 52rem; }
        .highlights { background: var(--tint); border: 1px solid #d6e4ef; border-radius: 6px; padding: .2rem 1.3rem .7rem; }
        .highlights h2 { border: 0; margin: .8rem 0 .3rem; font-size: 1.05rem; text-transform: uppercase; letter-spacing: .06em; color: var(--accent); }
        .highlights ul { margin: .2rem 0; padding-left: 1.2rem; }
        .highlights li { margin: .3rem 0; }
        nav.contents { margin: 1.2rem 0 0; font-size: .92rem; }
        nav.contents ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.4rem; counter-reset: part; }
        nav.contents li { counter-increment: part; }
        nav.contents li::before { content: counter(part) " "; color: var(--accent); font-weight: 600; }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        figure { margin: 1.4rem 0 1.6rem; }
        .graphic { display: block; width: 100%; max-width: 60rem; height: auto; margin: 0 auto; }
        figcaption { font-size: .88rem; color: var(--muted); margin: .6rem auto 0; max-width: 52rem; }
        figcaption .label { font-weight: 700; color: var(--ink); }
        .table-wrap { overflow-x: auto; margin: 1.2rem 0 .6rem; }
        table { border-collapse: collapse; font-size: .88rem; font-variant-numeric: tabular-nums; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 .5rem; color: var(--ink); }
        thead th { font-weight: 600; vertical-align: bottom; }
        thead tr:first-child th { border-top: 1.5px solid var(--ink); }
        thead tr:last-child th, thead th[rowspan] { border-bottom: 1px solid var(--ink); }
        th.group { text-align: center; font-weight: 700; padding-bottom: .15rem; border-bottom: 1px solid #9aa3ad; }
        td:first-child, th:first-child { white-space: nowrap; }
        .detail { display: block; min-width: 15rem; max-width: 22rem; white-space: normal; font-size: .78rem; line-height: 1.35; color: var(--muted); }
        tbody tr:last-child td { border-bottom: 1.5px solid var(--ink); }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        th, td { padding: .32rem .75rem; text-align: left; vertical-align: top; }
        th:first-child, td:first-child { padding-left: .2rem; }
        .num { text-align: right; white-space: nowrap; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .86em; }
        .findings { border-left: 3px solid var(--accent); background: var(--tint); padding: .55rem 1.1rem .6rem; margin: .9rem 0 1.2rem; max-width: 52rem; }
        .findings-label { margin: 0 0 .2rem; font-size: .75rem; letter-spacing: .07em; text-transform: uppercase; color: var(--accent); font-weight: 700; }
        .findings ul { margin: 0; padding-left: 1.1rem; }
        .findings li { margin: .25rem 0; }
        .note { color: var(--muted); font-style: italic; font-size: .92rem; }
        footer { margin-top: 3.5rem; padding-top: .8rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85rem; }
        @media (max-width: 40rem) { main { padding: 1.5rem 1rem 3rem; } h1 { font-size: 1.6rem; } }
        @media print {
          @page { margin: 14mm 13mm; }
          html { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          nav.contents { display: none; }
          h2 { margin-top: 1.6rem; break-after: avoid; page-break-after: avoid; }
          figure, .table-wrap, .findings, .highlights { break-inside: avoid; page-break-inside: avoid; }
          .graphic { max-height: 240mm; object-fit: contain; }
          .table-wrap { overflow: visible; }
          table { font-size: 8.5pt; }
          a { color: inherit; }
          .findings, .highlights, tbody tr:nth-child(even) td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
