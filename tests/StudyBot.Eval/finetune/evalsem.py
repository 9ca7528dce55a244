import os, sys, time, torch, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bert, data
torch.set_num_threads(2)

def evaluate(model, names, tag, save=False, verbose=True):
    tot_h = tot_n = 0; res = {}
    for name in names:
        ps = data.passages(name); qs = data.questions(name)
        pv = bert.embed(model, [p['text'] for p in ps])
        qv = bert.embed(model, [q for q, _ in qs])
        if save: torch.save((pv, qv), os.path.join(WORK, f'emb-{tag}-{name}.pt'))
        top = (qv @ pv.T).argmax(1)
        h = sum(data.hits(ps[int(top[i])], qs[i][1]) for i in range(len(qs)))
        res[name] = (h, len(qs)); tot_h += h; tot_n += len(qs)
        if verbose: print(f'{tag} {name}: {h}/{len(qs)} = {h/len(qs):.3f}', flush=True)
    print(f'{tag} TOTAL {tot_h}/{tot_n} = {tot_h/tot_n:.3f}', flush=True)
    return res

if __name__ == '__main__':
    path = sys.argv[1]; tag = sys.argv[2]; which = sys.argv[3]
    m, _ = bert.load()
    if path != 'base': m.load_state_dict(torch.load(path))
    names = data.LOCO if which == 'loco' else data.UNSEEN if which == 'unseen' else which.split(',')
    evaluate(m, names, tag, save=(path == 'base'))
