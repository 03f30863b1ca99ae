# fish completion for quotecheck (installed in share/fish/vendor_completions.d)
set -l commands extract check lint diff rules
complete -c quotecheck -f
complete -c quotecheck -n "not __fish_seen_subcommand_from $commands" -a extract -d 'Find quotations and speakers'
complete -c quotecheck -n "not __fish_seen_subcommand_from $commands" -a check -d 'Cross-reference many sources'
complete -c quotecheck -n "not __fish_seen_subcommand_from $commands" -a lint -d 'Check drafts against references'
complete -c quotecheck -n "not __fish_seen_subcommand_from $commands" -a diff -d 'Compare the quotations of two texts'
complete -c quotecheck -n "not __fish_seen_subcommand_from $commands" -a rules -d 'List or test the rules'
complete -c quotecheck -n "not __fish_seen_subcommand_from $commands" -l version -d 'Print the version'
complete -c quotecheck -l help -d 'Show help'

set -l reading "__fish_seen_subcommand_from extract check lint diff"
complete -c quotecheck -n $reading -F
complete -c quotecheck -n $reading -s o -l output -r -F -d 'Write the report to FILE'
complete -c quotecheck -n $reading -s j -l jobs -x -d 'Worker threads, 0 = one per core'
complete -c quotecheck -n $reading -l rules -x -a '(__fish_complete_directories)' -d 'Also load rules of DIR'
complete -c quotecheck -n $reading -l text-field -x -d 'JSON field holding the text'
complete -c quotecheck -n $reading -l glob -x -d 'In directories, read only matching files'
complete -c quotecheck -n $reading -l exclude -x -d 'In directories, leave out matches'
complete -c quotecheck -n $reading -l encoding -x -a 'auto utf-8 utf-16 utf-16le utf-16be windows-1252 cp1252 latin-1 iso-8859-1' -d 'Encoding of text files'
complete -c quotecheck -n $reading -s q -l quiet -d 'Print only errors'
complete -c quotecheck -n "__fish_seen_subcommand_from extract" -l format -x -a 'text jsonl csv' -d 'Output format'
complete -c quotecheck -n "__fish_seen_subcommand_from extract" -l width -x -d 'Cut quotations to N characters'
complete -c quotecheck -n "__fish_seen_subcommand_from extract" -s v -l verbose -d 'Quotations in full'

set -l reports "__fish_seen_subcommand_from check lint diff"
complete -c quotecheck -n $reports -l format -x -a 'text jsonl markdown sarif github html csv claimreview' -d 'Output format'
complete -c quotecheck -n $reports -l fail-level -x -a 'error warning info none' -d 'Exit 1 at or above'
complete -c quotecheck -n $reports -l no-exit -d 'Exit 0 whatever the findings'
complete -c quotecheck -n $reports -l color -x -a 'auto always never' -d 'Colour'
complete -c quotecheck -n $reports -l no-color -d 'No colour'
complete -c quotecheck -n $reports -l min-confidence -x -d 'Leave out less sure findings'
complete -c quotecheck -n "__fish_seen_subcommand_from check" -l reference -r -F -d 'A primary source'
complete -c quotecheck -n "__fish_seen_subcommand_from check" -l links -x -a 'parent all none' -d 'Link records'
complete -c quotecheck -n "__fish_seen_subcommand_from lint" -l against -r -F -d 'References'
complete -c quotecheck -n "__fish_seen_subcommand_from lint" -l primary -r -F -d 'Primary-source references'
complete -c quotecheck -n "__fish_seen_subcommand_from lint" -l config -r -F -d 'Configuration file'
complete -c quotecheck -n "__fish_seen_subcommand_from lint" -l baseline -r -F -d 'Accepted findings'
complete -c quotecheck -n "__fish_seen_subcommand_from lint" -l write-baseline -r -F -d 'Write a baseline'
complete -c quotecheck -n "__fish_seen_subcommand_from rules" -a 'list test'
