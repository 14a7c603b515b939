# Independent check of runs 1 and 2 of docs/composite-methods.md (plain Python, no code shared with the library):
# python3 independent-check.py  prints the top six and every rank of both runs.
import csv, math
import os
D=os.path.dirname(os.path.abspath(__file__))+'/'
meta=list(csv.DictReader(open(D+'ASEM_iMeta.csv')))
data=list(csv.DictReader(open(D+'ASEM_iData.csv')))
def num(s): return float('nan') if s in ('','NA') else float(s)
inds=[m for m in meta if m['Type']=='Indicator']
aggs=[m for m in meta if m['Type']=='Aggregate']
aggs.sort(key=lambda m: float(m['Level']))
units=[r['uCode'] for r in data]
X={m['iCode']:[num(r[m['iCode']]) for r in data] for m in inds}
print('missing', sum(1 for c in X.values() for v in c if math.isnan(v)))
def skew(v):
    v=[x for x in v if not math.isnan(x)]; n=len(v); m=sum(sorted(v))/n
    s2=sum((x-m)**2 for x in sorted(v)); s3=sum((x-m)**3 for x in sorted(v))
    if s2==0: return float('nan')
    return math.sqrt(n)*s3/s2**1.5*math.sqrt(n*(n-1))/(n-2)
def kurt(v):
    v=[x for x in v if not math.isnan(x)]; n=len(v); m=sum(sorted(v))/n
    s2=sum((x-m)**2 for x in sorted(v)); s4=sum((x-m)**4 for x in sorted(v))
    if s2==0: return float('nan')
    r=n*s4/s2**2
    return ((n+1)*(r-3)+6)*(n-1)/((n-2)*(n-3))
def passes(v,S=2,K=3.5):
    s,k=skew(v),kurt(v)
    return math.isnan(s) or math.isnan(k) or abs(s)<S or k<K
def winsorise(v, winmax=5):
    x=list(v); changed=set()
    while not passes(x) and len(changed)<winmax:
        hi = skew(x)>=0
        pres=[a for a in x if not math.isnan(a)]
        ext = max(pres) if hi else min(pres)
        rest=[a for a in pres if (a<ext if hi else a>ext)]
        if not rest: break
        nxt = max(rest) if hi else min(rest)
        for i,a in enumerate(x):
            if a==ext: x[i]=nxt; changed.add(i)
    if passes(x): return x, len(changed), 'win'
    # log
    pres=sorted(a for a in v if not math.isnan(a)); mn,mx=pres[0],pres[-1]; sh=0.01*(mx-mn)
    pos = skew(v)>=0
    y=[float('nan') if math.isnan(a) else (math.log(a-mn+sh) if pos else -math.log(mx-a+sh)) for a in v]
    return y, 0, 'log'
def run(impute=False, treat=False, verbose=False):
    cols={}
    for m in inds:
        c=list(X[m['iCode']])
        if impute:
            g=[r['EurAsia_group'] for r in data]
            for i,a in enumerate(c):
                if math.isnan(a):
                    vals=sorted(X[m['iCode']][j] for j in range(len(c)) if g[j]==g[i] and not math.isnan(X[m['iCode']][j]))
                    c[i]=sum(vals)/len(vals)
        if treat:
            if not passes(c):
                c2,nw,how=winsorise(c)
                if verbose: print(m['iCode'], how, nw)
                c=c2
        d=float(m['Direction'])
        c=[d*a for a in c]
        pres=[a for a in c if not math.isnan(a)]; mn,mx=min(pres),max(pres)
        cols[m['iCode']]=[(a-mn)/(mx-mn)*100 for a in c]
    W={m['iCode']:float(m['Weight']) for m in meta if m['Type'] in ('Indicator','Aggregate')}
    for a in aggs:
        ch=[m['iCode'] for m in meta if m['Parent']==a['iCode'] and m['Type'] in ('Indicator','Aggregate')]
        res=[]
        for u in range(len(units)):
            num_=0; den=0
            for c in ch:
                x=cols[c][u]
                if math.isnan(x): continue
                num_+=x*W[c]; den+=W[c]
            res.append(num_/den if den>0 else float('nan'))
        cols[a['iCode']]=res
    idx=cols['Index']
    order=sorted(range(len(units)), key=lambda u:(-idx[u], units[u]))
    ranks={}
    for pos,u in enumerate(order):
        if pos>0 and idx[u]==idx[order[pos-1]]: ranks[u]=ranks[order[pos-1]]
        else: ranks[u]=pos+1
    return cols, ranks, order
for imp,tr in [(False,False),(True,True)]:
    cols,ranks,order=run(imp,tr, verbose=False)
    print('run', imp, tr)
    print(' '.join(f"{units[u]}:{cols['Index'][u]:.4f}({ranks[u]})" for u in order[:6]))
    print('ranks', ' '.join(f"{units[u]}={ranks[u]}" for u in order))
