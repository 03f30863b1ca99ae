# bash completion for quotecheck (installed as share/bash-completion/completions/quotecheck)
_quotecheck() {
  local cur prev words cword
  _init_completion || return
  local commands="extract check lint diff rules batch"
  local common="--format -o --output -j --jobs --rules --text-field --glob --exclude --encoding -q --quiet --help"
  local report="--fail-level --no-exit --color --no-color --min-confidence"
  local sub=""
  local i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      extract | check | lint | diff | rules | batch) sub=${words[i]}; break ;;
    esac
  done
  case $prev in
    --format)
      if [[ $sub == extract ]]; then
        COMPREPLY=($(compgen -W "text jsonl csv" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "text jsonl markdown sarif github html csv claimreview" -- "$cur"))
      fi
      return ;;
    --fail-level) COMPREPLY=($(compgen -W "error warning info none" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --links) COMPREPLY=($(compgen -W "parent all none" -- "$cur")); return ;;
    --encoding) COMPREPLY=($(compgen -W "auto utf-8 utf-16 utf-16le utf-16be windows-1252 cp1252 latin-1 iso-8859-1" -- "$cur")); return ;;
    --rules | --work) _filedir -d; return ;;
    --engine) COMPREPLY=($(compgen -W "local slurm" -- "$cur")); return ;;
    -j | --jobs | --text-field | --glob | --exclude | --width | --min-confidence | --shards | --partitions | --blocks | --tasks | --mem) return ;;
  esac
  if [[ -z $sub ]]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  if [[ $cur == -* ]]; then
    case $sub in
      extract) COMPREPLY=($(compgen -W "$common --width -v --verbose" -- "$cur")) ;;
      check) COMPREPLY=($(compgen -W "$common $report --reference --links" -- "$cur")) ;;
      lint) COMPREPLY=($(compgen -W "$common $report --against --primary --config --baseline --write-baseline" -- "$cur")) ;;
      diff) COMPREPLY=($(compgen -W "$common $report" -- "$cur")) ;;
      batch) COMPREPLY=($(compgen -W "$common $report --reference --links --engine --work --shards --partitions --blocks --tasks --mem" -- "$cur")) ;;
      rules) COMPREPLY=($(compgen -W "--rules --help" -- "$cur")) ;;
    esac
    return
  fi
  if [[ $sub == rules ]]; then
    COMPREPLY=($(compgen -W "list test" -- "$cur"))
    return
  fi
  _filedir
}
complete -F _quotecheck quotecheck
